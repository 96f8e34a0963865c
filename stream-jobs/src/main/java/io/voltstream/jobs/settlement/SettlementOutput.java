package io.voltstream.jobs.settlement;

import io.voltstream.jobs.settlement.logic.FinanceRow;
import io.voltstream.model.market.Settlement;

/** What the settlement operator emits: a settlement or a finance row (exactly one is set). */
public record SettlementOutput(Settlement settlement, FinanceRow finance) {
  public static SettlementOutput of(Settlement s) {
    return new SettlementOutput(s, null);
  }

  public static SettlementOutput of(FinanceRow f) {
    return new SettlementOutput(null, f);
  }
}
