-- Hand-written DuckDB SQL for the headline numbers of a `spotlight sample` project: the floor that
-- `spotlight run` is measured against (bench/run.sh). Reference.java fills in the placeholders
-- ${project} (the project folder), ${store} (where to write Parquet), ${ipad} and ${opad} (the
-- HMAC key XOR 0x36 / 0x5c, padded to 64 bytes, as hex), runs the statements in order and prints
-- the result of the last one. A statement's "-- step:" comment names it in the timings.
-- The mappings mirror the sources of the sample's spotlight.yaml.

-- step: settings
SET TimeZone = 'Europe/London';

-- step: settings for bulk work
SET preserve_insertion_order = false;

-- step: read and map every export
CREATE TEMP TABLE raw_activity AS
SELECT 'lend-borrow-loans' AS source, loan_id AS event_id, 'kirklees-lend-borrow' AS grantee,
       CASE status WHEN 'returned' THEN 'share.completed' ELSE 'share.requested' END AS event_type,
       CAST(strptime(status_changed_at, '%d/%m/%Y %H:%M') AS TIMESTAMPTZ) AS occurred_at,
       borrower_email AS participant_raw, lender_email AS counterpart_raw, lsoa AS area_code,
       CAST(item_value_gbp AS DECIMAL(18, 2)) AS amount
FROM read_csv('${project}/exports/lend-borrow/loans-*.csv', header = true, all_varchar = true)
WHERE status IN ('returned', 'requested')
UNION ALL
SELECT 'repair-attempts', id, 'calder-repair-network', 'repair.attempted',
       CAST(CAST(event_date AS DATE) AS TIMESTAMPTZ), visitor_id, NULL, lsoa, NULL
FROM read_csv('${project}/exports/repair/*.csv', header = true, all_varchar = true)
UNION ALL
SELECT 'repair-fixes', id, 'calder-repair-network', 'repair.fixed',
       CAST(CAST(event_date AS DATE) AS TIMESTAMPTZ), visitor_id, NULL, lsoa, NULL
FROM read_csv('${project}/exports/repair/*.csv', header = true, all_varchar = true)
WHERE repair_status = 'Fixed'
UNION ALL
SELECT 'crowdfund-pledges', pledge_id, 'west-yorkshire-crowdfund',
       CASE pledge_type WHEN 'crowd' THEN 'pledge.made' WHEN 'council_match' THEN 'match.pledged' END,
       CAST(pledged_at AS TIMESTAMPTZ), backer_id, NULL, backer_lsoa, amount_gbp
FROM read_json('${project}/exports/crowdfund/pledges.json', format = 'array',
               columns = {pledge_id: 'VARCHAR', pledged_at: 'VARCHAR', backer_id: 'VARCHAR',
                          amount_gbp: 'DECIMAL(18, 2)', pledge_type: 'VARCHAR', backer_lsoa: 'VARCHAR'})
UNION ALL
SELECT 'street-reports', CAST(report_id AS VARCHAR), 'streetfix-west-yorkshire', 'report.created',
       CAST(created AS TIMESTAMPTZ), CAST(reporter_id AS VARCHAR), NULL, lsoa, NULL
FROM read_json('${project}/exports/streetfix/reports.ndjson', format = 'newline_delimited',
               columns = {report_id: 'BIGINT', created: 'VARCHAR', reporter_id: 'BIGINT', lsoa: 'VARCHAR'})
UNION ALL
SELECT 'street-fixes', CAST(report_id AS VARCHAR), 'streetfix-west-yorkshire', 'report.fixed',
       CAST(updated AS TIMESTAMPTZ), CAST(reporter_id AS VARCHAR), NULL, lsoa, NULL
FROM read_json('${project}/exports/streetfix/reports.ndjson', format = 'newline_delimited',
               columns = {report_id: 'BIGINT', updated: 'VARCHAR', state: 'VARCHAR', reporter_id: 'BIGINT',
                          lsoa: 'VARCHAR'})
WHERE state IN ('fixed - council', 'fixed - user', 'fixed')
UNION ALL
SELECT 'tool-library-loans', loan_ref, 'marsden-tool-library', 'share.completed',
       CAST(strptime(checked_out, '%Y-%m-%d %H:%M') AS TIMESTAMPTZ), member, NULL, member_lsoa, NULL
FROM read_csv('${project}/exports/tool-library/*.csv', header = true, delim = ';', all_varchar = true)
WHERE status IN ('Returned', 'On loan');

-- step: pseudonymise each distinct person once (HMAC-SHA256)
CREATE TEMP TABLE pseudonyms AS
SELECT raw_id,
       sha256(unhex('${opad}') || unhex(sha256(unhex('${ipad}') || encode(raw_id)))) AS pseudonym
FROM (SELECT participant_raw AS raw_id FROM raw_activity WHERE participant_raw IS NOT NULL
      UNION
      SELECT counterpart_raw FROM raw_activity WHERE counterpart_raw IS NOT NULL);

-- step: write the activity table as Parquet
COPY (
  SELECT a.source, a.event_id, a.grantee, a.event_type, a.occurred_at,
         CAST(a.occurred_at AS DATE) AS occurred_on,
         p.pseudonym AS participant, c.pseudonym AS counterpart, a.area_code, a.amount
  FROM raw_activity a
  LEFT JOIN pseudonyms p ON p.raw_id = a.participant_raw
  LEFT JOIN pseudonyms c ON c.raw_id = a.counterpart_raw
) TO '${store}/activity.parquet' (FORMAT parquet);

-- step: headline numbers for 2026-10
SELECT a.grantee,
       count(*) AS events,
       count(DISTINCT a.participant) AS participants,
       coalesce(sum(a.amount), 0) AS amount,
       count(DISTINCT a.participant) FILTER (WHERE r.deprivation_decile <= 3) AS deprived_participants
FROM read_parquet('${store}/activity.parquet') a
LEFT JOIN read_csv('${project}/reference/areas.csv', header = true,
                   columns = {area_code: 'VARCHAR', name: 'VARCHAR', local_authority: 'VARCHAR',
                              population: 'INTEGER', deprivation_decile: 'INTEGER'}) r
  ON r.area_code = a.area_code
WHERE a.occurred_on BETWEEN DATE '2026-10-01' AND DATE '2026-10-31'
GROUP BY a.grantee
ORDER BY a.grantee;
