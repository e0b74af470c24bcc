package org.guidelint;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** Inputs the tests lint, and small helpers. */
final class Samples {
  private Samples() {}

  /** One guide, most elements missing, its legal basis only a generic phrase. */
  static final String INCOMPLETE =
      "<guide code=\"1\"><name>设立某类事项审批</name>\n"
          + "<legal_basis>相关法规</legal_basis>\n</guide>\n";

  static final byte[] INCOMPLETE_BYTES = INCOMPLETE.getBytes(StandardCharsets.UTF_8);

  /** A text guide offering an item the State Council abolished in 2015. */
  static final String ABOLISHED = "事项名称：设立水利旅游项目审批\n设定依据：《水利旅游管理办法》第三条\n";

  /** A complete guide: nothing in it is an error. */
  static final String GOOD =
      "<guide code=\"11410526MB1234567X4000117012000\" department=\"滑县自然资源局\""
          + " updated=\"2025-03-18\">\n"
          + "  <name>林木采伐许可证核发</name>\n"
          + "  <legal_basis><item>《中华人民共和国森林法》（2019年修订）第五十六条</item></legal_basis>\n"
          + "  <agency>滑县自然资源局</agency>\n"
          + "  <conditions><item>采伐的林木权属清楚，无争议</item>"
          + "<item>采伐作业设计符合森林经营方案和采伐限额管理规定</item></conditions>\n"
          + "  <materials><item>林木采伐申请表（原件1份）</item><item>林木权属证明（复印件1份，核验原件）</item>"
          + "<item>伐区调查设计文件（原件1份）</item></materials>\n"
          + "  <procedure><item>申请：申请人通过河南政务服务网或到县便民服务中心林业窗口提交材料</item>"
          + "<item>受理：材料齐全、符合法定形式的当场受理，不齐全的一次性告知需补正的全部内容</item>"
          + "<item>审查：承办股室对申请材料进行审查，必要时进行现场核实</item>"
          + "<item>决定：符合条件的核发林木采伐许可证，不符合条件的书面说明理由</item></procedure>\n"
          + "  <legal_time_limit>20个工作日</legal_time_limit>\n"
          + "  <promised_time_limit>5个工作日</promised_time_limit>\n"
          + "  <fees>不收费</fees>\n"
          + "  <place>滑县便民服务中心一楼林业窗口（道口镇文明路中段）</place>\n"
          + "  <hours>周一至周五 上午8:30-12:00，下午15:00-18:00（法定节假日除外）</hours>\n"
          + "  <phone>0372-8112345</phone>\n"
          + "</guide>\n";

  /** The findings of one rule. */
  static List<Diagnostic> byRule(LintResult result, String rule) {
    return result.diagnostics().stream()
        .filter(d -> d.ruleId().equals(rule))
        .collect(Collectors.toList());
  }

  /** The one finding of a rule; fails unless there is exactly one. */
  static Diagnostic only(LintResult result, String rule) {
    List<Diagnostic> found = byRule(result, rule);
    if (found.size() != 1) {
      throw new AssertionError(
          "expected one " + rule + " finding, got " + found.size() + ": " + result.diagnostics());
    }
    return found.get(0);
  }
}
