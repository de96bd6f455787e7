WITH act_base AS (SELECT a."source",
    a."event_id",
    a."platform_kind",
    a."grantee",
    a."event_type",
    a."outcome",
    a."occurred_at",
    a."occurred_on",
    a."participant",
    a."counterpart",
    a."area_code",
    a."lat",
    a."lon",
    a."quantity",
    CASE WHEN "currency" IS NULL OR "currency" = CAST(? AS VARCHAR) THEN CAST(a."amount" AS DOUBLE) WHEN "currency" = CAST(? AS VARCHAR) THEN CAST(a."amount" AS DOUBLE) * CAST(? AS DOUBLE) END AS "amount",
    a."currency",
    a."origin",
    a."origin_row",
    a."area_code" AS "area",
    ar."local_authority",
    ar."deprivation_decile",
    ar."population",
    strftime(a."occurred_on", '%Y-%m-%d') AS "day",
    strftime(a."occurred_on", '%G-W%V') AS "week",
    strftime(a."occurred_on", '%Y-%m') AS "month",
    strftime(a."occurred_on", '%Y') || '-Q' || CAST(quarter(a."occurred_on") AS VARCHAR) AS "quarter",
    strftime(a."occurred_on", '%Y') AS "year"
    FROM activity a
    LEFT JOIN areas ar ON ar."area_code" = a."area_code"
    WHERE a."occurred_on" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)),
act_agg AS (SELECT "grantee",
    "month",
    count(*) AS "a0",
    count(DISTINCT "participant") FILTER (WHERE ("event_type" IN (CAST(? AS VARCHAR), CAST(? AS VARCHAR)))) AS "a1",
    count(DISTINCT "participant") FILTER (WHERE ("event_type" IN (CAST(? AS VARCHAR), CAST(? AS VARCHAR))) AND ("deprivation_decile" <= CAST(? AS BIGINT))) AS "a3",
    count(DISTINCT "participant") FILTER (WHERE ("event_type" IN (CAST(? AS VARCHAR), CAST(? AS VARCHAR))) AND ("deprivation_decile" IS NOT NULL)) AS "a4",
    quantile_cont(CAST("amount" AS DOUBLE), 0.5) AS "a5",
    quantile_cont(CAST("quantity" AS DOUBLE), 0.9) AS "a6"
    FROM act_base
    GROUP BY "grantee",
    "month"),
cost_base AS (SELECT "source",
    "cost_id",
    "grantee",
    "period_start",
    "period_end",
    "amount",
    "currency",
    "category",
    "funder",
    "reference",
    "origin",
    "origin_row",
    strftime("__day", '%Y-%m') AS "month",
    count(*) / CAST(max("__span") AS DOUBLE) AS "__share"
    FROM (SELECT c."source",
    c."cost_id",
    c."grantee",
    c."period_start",
    c."period_end",
    CASE WHEN "currency" IS NULL OR "currency" = CAST(? AS VARCHAR) THEN CAST(c."amount" AS DOUBLE) WHEN "currency" = CAST(? AS VARCHAR) THEN CAST(c."amount" AS DOUBLE) * CAST(? AS DOUBLE) END AS "amount",
    c."currency",
    c."category",
    c."funder",
    c."reference",
    c."origin",
    c."origin_row",
    CAST(unnest(generate_series(greatest(c."period_start", CAST(? AS DATE)), least(c."period_end", CAST(? AS DATE)), INTERVAL 1 DAY)) AS DATE) AS "__day",
    DATE_DIFF('day', c."period_start", c."period_end") + 1 AS "__span"
    FROM costs c
    WHERE c."period_start" <= CAST(? AS DATE) AND c."period_end" >= CAST(? AS DATE))
    GROUP BY ALL),
cost_agg AS (SELECT "grantee",
    "month",
    sum(CAST("amount" AS DOUBLE) * "__share") AS "a2"
    FROM cost_base
    GROUP BY "grantee",
    "month"),
groups AS (SELECT "grantee",
    "month"
    FROM act_agg
    UNION SELECT "grantee",
    "month"
    FROM cost_agg)
SELECT g."grantee",
    g."month",
    coalesce(act_agg."a0", 0) AS "a0",
    coalesce(act_agg."a1", 0) AS "a1",
    coalesce(cost_agg."a2", 0) AS "a2",
    coalesce(act_agg."a3", 0) AS "a3",
    coalesce(act_agg."a4", 0) AS "a4",
    act_agg."a5" AS "a5",
    act_agg."a6" AS "a6"
FROM groups g
    LEFT JOIN act_agg ON g."grantee" IS NOT DISTINCT FROM act_agg."grantee" AND g."month" IS NOT DISTINCT FROM act_agg."month"
    LEFT JOIN cost_agg ON g."grantee" IS NOT DISTINCT FROM cost_agg."grantee" AND g."month" IS NOT DISTINCT FROM cost_agg."month"
ORDER BY g."grantee" NULLS LAST,
    g."month" NULLS LAST
