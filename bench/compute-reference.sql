-- The compute bench's floor: what an analyst would write by hand in DuckDB for the numbers of
-- bench/compute-metrics.yaml, over the store Spotlight pulled. ${store} and ${areas} are
-- substituted by bench/ComputeBench.java; 2026-10 is the month computed. Amounts count when they
-- have no currency or the project's (GBP), as Spotlight's money rule says.
SELECT a.grantee,
       count(*) AS events,
       count(DISTINCT a.participant) AS participants,
       coalesce(sum(a.amount) FILTER (WHERE a.currency IS NULL OR a.currency = 'GBP'), 0) AS amount,
       count(DISTINCT a.participant) FILTER (WHERE r.deprivation_decile <= 3) AS deprived_participants
FROM read_parquet('${store}/activity/*/month=2026-10/*.parquet', hive_partitioning = true) a
LEFT JOIN read_csv('${areas}', header = true,
                   columns = {area_code: 'VARCHAR', name: 'VARCHAR', local_authority: 'VARCHAR',
                              population: 'INTEGER', deprivation_decile: 'INTEGER'}) r
  ON r.area_code = a.area_code
WHERE a.occurred_on BETWEEN DATE '2026-10-01' AND DATE '2026-10-31'
GROUP BY a.grantee
ORDER BY a.grantee
