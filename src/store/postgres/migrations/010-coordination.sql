-- Coordination between instances sharing this database (src/coordination, decision 020).

-- Claims with a lease: one row per key (a roundup's "<subscription>-<slot>", a feed's
-- due poll). An instance holds a key while lease_until is ahead; a row whose lease ran
-- out and is not completed may be taken over by another owner. completed_at set means
-- done for good; record keeps what the completion wrote (a roundup's delivery state).
CREATE TABLE coordination_claims (
  key text PRIMARY KEY,
  owner text NOT NULL,
  lease_until timestamptz NOT NULL,
  completed_at timestamptz,
  record jsonb
);
-- Old completed rows are swept by age.
CREATE INDEX coordination_claims_completed ON coordination_claims (completed_at) WHERE completed_at IS NOT NULL;

-- The de-dup ledger: a request key (a Slack trigger id, a Share click) is answered
-- by the instance whose insert won; a row past expires_at may be taken again.
CREATE TABLE dedup_ledger (
  key text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX dedup_ledger_expires ON dedup_ledger (expires_at);
