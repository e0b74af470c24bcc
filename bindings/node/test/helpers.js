'use strict';
// Inputs and small helpers shared by the tests.

// A guide with defects: nine required elements missing, and a legal basis that is only 相关法规.
const INCOMPLETE =
  '<guide code="1"><name>设立某类事项审批</name>\n<legal_basis>相关法规</legal_basis>\n</guide>\n';
// A guide in text form offering an item the State Council abolished in 2015.
const ABOLISHED = '事项名称：设立水利旅游项目审批\n设定依据：《水利旅游管理办法》第三条\n';
// A guide without a defect.
const GOOD = `<?xml version="1.0" encoding="UTF-8"?>
<guide code="11410526MB1234567X4000117012000" department="滑县自然资源局" region="河南省安阳市滑县" updated="2025-03-18">
  <name label="事项名称">林木采伐许可证核发</name>
  <legal_basis label="设定依据">
    <item>《中华人民共和国森林法》（2019年修订）第五十六条</item>
  </legal_basis>
  <agency label="实施机关">滑县自然资源局</agency>
  <conditions label="申请条件">
    <item>采伐的林木权属清楚，无争议</item>
    <item>采伐作业设计符合森林经营方案和采伐限额管理规定</item>
  </conditions>
  <materials label="申请材料">
    <item>林木采伐申请表（原件1份）</item>
    <item>林木权属证明（复印件1份，核验原件）</item>
  </materials>
  <procedure label="办理流程">
    <item>申请：申请人通过河南政务服务网或到县便民服务中心林业窗口提交材料</item>
    <item>受理：材料齐全、符合法定形式的当场受理，不齐全的一次性告知需补正的全部内容</item>
    <item>审查：承办股室对申请材料进行审查，必要时进行现场核实</item>
    <item>决定：符合条件的核发林木采伐许可证，不符合条件的书面说明理由</item>
  </procedure>
  <legal_time_limit label="法定办结时限">20个工作日</legal_time_limit>
  <promised_time_limit label="承诺办结时限">5个工作日</promised_time_limit>
  <fees label="收费标准">不收费</fees>
  <place label="办理地点">滑县便民服务中心一楼林业窗口（道口镇文明路中段）</place>
  <hours label="办理时间">周一至周五 上午8:30-12:00，下午15:00-18:00（法定节假日除外）</hours>
  <phone label="咨询电话">0372-8112345</phone>
</guide>
`;

function byRule(result, ruleId) {
  return result.diagnostics.filter((d) => d.ruleId === ruleId);
}

module.exports = { INCOMPLETE, ABOLISHED, GOOD, byRule };
