import { Foundation1763856000000 } from './1763856000000-foundation.js';
import { RegistryCore1763856100000 } from './1763856100000-registry-core.js';
import { Registry1763856200000 } from './1763856200000-registry.js';
import { Needs1763856300000 } from './1763856300000-needs.js';
import { TimeBank1763856400000 } from './1763856400000-time-bank.js';
import { LedgerIntegrity1763856500000 } from './1763856500000-ledger-integrity.js';
import { NeedsExpiryDisputesVetting1764547200000 } from './1764547200000-needs-expiry-disputes-vetting.js';
import { ServiceOverdue1764547300000 } from './1764547300000-service-overdue.js';
import { LedgerPaymentSource1764547400000 } from './1764547400000-ledger-payment-source.js';
import { FlagConsentHistory1795463055007 } from './1795463055007-flag-consent-history.js';
import { ServiceRecordSources1796000000000 } from './1796000000000-service-record-sources.js';
import { LedgerAccountChains1796100000000 } from './1796100000000-ledger-account-chains.js';
import { RegionPopulation1796150000000 } from './1796150000000-region-population.js';
import { Projects1796200000000 } from './1796200000000-projects.js';
import { NeedsProjectLink1796200000001 } from './1796200000001-needs-project-link.js';
import { CharityFundAccounts1796200000002 } from './1796200000002-charity-fund-accounts.js';
import { CareVisits1796300000000 } from './1796300000000-care-visits.js';
import { SessionsPhoneVerification1796400000000 } from './1796400000000-sessions-phone-verification.js';
import { Brokering1796500000000 } from './1796500000000-brokering.js';
import { Everyday1796600000000 } from './1796600000000-everyday.js';
import { Statistics1796700000000 } from './1796700000000-statistics.js';
import { PopulationOneSource1796830000000 } from './1796830000000-population-one-source.js';
import { FarCheckinPolicy1796830000100 } from './1796830000100-far-checkin-policy.js';
import { NeedSeriesMaterialised1796850000000 } from './1796850000000-need-series-materialised.js';
import { StatsDailyPathDay1797000000200 } from './1797000000200-stats-daily-path-day.js';
import { NeedsOpenPath1797100000000 } from './1797100000000-needs-open-path.js';
import { StatsMonthly1797200000000 } from './1797200000000-stats-monthly.js';
import { StatsReadIndexes1797200000100 } from './1797200000100-stats-read-indexes.js';
import { NeedSeriesChanges1796830000200 } from './1796830000200-need-series-changes.js';

/** Every migration, oldest first. Listed explicitly so that ts-jest and the compiled build load the same set. */
export const migrations = [
  Foundation1763856000000,
  RegistryCore1763856100000,
  Registry1763856200000,
  Needs1763856300000,
  TimeBank1763856400000,
  LedgerIntegrity1763856500000,
  NeedsExpiryDisputesVetting1764547200000,
  ServiceOverdue1764547300000,
  LedgerPaymentSource1764547400000,
  FlagConsentHistory1795463055007,
  ServiceRecordSources1796000000000,
  LedgerAccountChains1796100000000,
  RegionPopulation1796150000000,
  Projects1796200000000,
  NeedsProjectLink1796200000001,
  CharityFundAccounts1796200000002,
  CareVisits1796300000000,
  SessionsPhoneVerification1796400000000,
  Brokering1796500000000,
  Everyday1796600000000,
  Statistics1796700000000,
  PopulationOneSource1796830000000,
  FarCheckinPolicy1796830000100,
  NeedSeriesChanges1796830000200,
  NeedSeriesMaterialised1796850000000,
  StatsDailyPathDay1797000000200,
  NeedsOpenPath1797100000000,
  StatsMonthly1797200000000,
  StatsReadIndexes1797200000100,
];
