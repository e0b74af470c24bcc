package org.guidelint;

/**
 * The catalog entry behind a finding about an item (abolished, delegated, made a post-approval):
 * the item and the decision that changed it. A field the catalog does not give is "".
 *
 * @param item the item's name as the catalog writes it
 * @param decision the decision's number, such as 国发〔2015〕11号
 * @param decisionTitle the decision's title
 * @param decisionDate its date as the catalog writes it: YYYY-MM-DD, YYYY-MM or YYYY
 * @param source where the entry can be checked
 */
public record Citation(
    String item, String decision, String decisionTitle, String decisionDate, String source) {}
