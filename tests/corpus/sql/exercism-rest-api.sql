-- Create database:
DROP TABLE IF EXISTS 'rest-api';

CREATE TABLE 'rest-api' (
  'database' TEXT,
  'payload' TEXT,
  'url' TEXT,
  'result' TEXT
);

INSERT INTO "rest-api" VALUES ('{"users":[]}', '{}', '/users', '');
INSERT INTO "rest-api" VALUES ('{"users":[]}', '{"user":"Adam"}', '/add', '');
INSERT INTO "rest-api" VALUES ('{"users":[{"name":"Adam","owes":{},"owed_by":{},"balance":0},{"name":"Bob","owes":{},"owed_by":{},"balance":0}]}', '{"users":["Bob"]}', '/users', '');
INSERT INTO "rest-api" VALUES ('{"users":[{"name":"Adam","owes":{},"owed_by":{},"balance":0},{"name":"Bob","owes":{},"owed_by":{},"balance":0}]}', '{"lender":"Adam","borrower":"Bob","amount":3}', '/iou', '');
INSERT INTO "rest-api" VALUES ('{"users":[{"name":"Adam","owes":{},"owed_by":{},"balance":0},{"name":"Bob","owes":{"Chuck":3},"owed_by":{},"balance":-3},{"name":"Chuck","owes":{},"owed_by":{"Bob":3},"balance":3}]}', '{"lender":"Adam","borrower":"Bob","amount":3}', '/iou', '');
INSERT INTO "rest-api" VALUES ('{"users":[{"name":"Adam","owes":{},"owed_by":{},"balance":0},{"name":"Bob","owes":{"Chuck":3},"owed_by":{},"balance":-3},{"name":"Chuck","owes":{},"owed_by":{"Bob":3},"balance":3}]}', '{"lender":"Bob","borrower":"Adam","amount":3}', '/iou', '');
INSERT INTO "rest-api" VALUES ('{"users":[{"name":"Adam","owes":{"Bob":3},"owed_by":{},"balance":-3},{"name":"Bob","owes":{},"owed_by":{"Adam":3},"balance":3}]}', '{"lender":"Adam","borrower":"Bob","amount":2}', '/iou', '');
INSERT INTO "rest-api" VALUES ('{"users":[{"name":"Adam","owes":{"Bob":3},"owed_by":{},"balance":-3},{"name":"Bob","owes":{},"owed_by":{"Adam":3},"balance":3}]}', '{"lender":"Adam","borrower":"Bob","amount":4}', '/iou', '');
INSERT INTO "rest-api" VALUES ('{"users":[{"name":"Adam","owes":{"Bob":3},"owed_by":{},"balance":-3},{"name":"Bob","owes":{},"owed_by":{"Adam":3},"balance":3}]}', '{"lender":"Adam","borrower":"Bob","amount":3}', '/iou', '');
-- Read user student solution and save any output as markdown in user_output.md:
UPDATE 'rest-api' AS CURRENT
SET
  result = (
    SELECT
      json_object(
        'users',
        IIF(
          json_type(DB.value) IS NULL,
          json_array(),
          json_array(
            json(DB.value)
          )
        )
      )
    FROM
      'rest-api' AS RA
      LEFT JOIN json_each(RA.payload, '$.users') AS PL ON RA.payload = PL.json
      LEFT JOIN json_each(RA.database, '$.users') AS DB ON RA.database = DB.json
      AND json_extract(DB.value, '$.name') = PL.value
    WHERE
      (RA.database, RA.payload) = (CURRENT.database, CURRENT.payload)
  )
WHERE
  url = '/users';

UPDATE 'rest-api' AS CURRENT
SET
  result = json_object(
    'name',
    json_extract(payload, '$.user'),
    'owes',
    json_object(),
    'owed_by',
    json_object(),
    'balance',
    0
  )
WHERE
  url = '/add';

UPDATE 'rest-api' AS CURRENT
SET
  result = json_array(
    -- update the lender:
    (
      SELECT
        json_object(
          'name',
          json_extract(payload, '$.lender'),
          'owes',
          json_patch(
            json_extract(value, '$.owes'),
            json_object(
              json_extract(payload, '$.borrower'),
              IIF(relative_balance < 0, - relative_balance, NULL)
            )
          ),
          'owed_by',
          json_patch(
            json_extract(value, '$.owed_by'),
            json_object(
              json_extract(payload, '$.borrower'),
              IIF(relative_balance > 0, relative_balance, NULL)
            )
          ),
          'balance',
          json_extract(value, '$.balance') + json_extract(payload, '$.amount')
        )
      FROM
        (
          SELECT
            *,
            IFNULL(
              json_extract(
                json_extract(value, '$.owed_by'),
                '$.' || json_extract(payload, '$.borrower')
              ),
              0
            ) - IFNULL(
              json_extract(
                json_extract(value, '$.owes'),
                '$.' || json_extract(payload, '$.borrower')
              ),
              0
            ) + json_extract(payload, '$.amount') AS relative_balance
          FROM
            json_each(database, '$.users')
          WHERE
            json = database
            AND json_extract(value, '$.name') == json_extract(payload, '$.lender')
        )
    ),
    -- update the borrower:
    (
      SELECT
        json_object(
          'name',
          json_extract(payload, '$.borrower'),
          'owes',
          json_patch(
            json_extract(value, '$.owes'),
            json_object(
              json_extract(payload, '$.lender'),
              IIF(relative_balance < 0, - relative_balance, NULL)
            )
          ),
          'owed_by',
          json_patch(
            json_extract(value, '$.owed_by'),
            json_object(
              json_extract(payload, '$.lender'),
              IIF(relative_balance > 0, relative_balance, NULL)
            )
          ),
          'balance',
          json_extract(value, '$.balance') - json_extract(payload, '$.amount')
        )
      FROM
        (
          SELECT
            *,
            IFNULL(
              json_extract(
                json_extract(value, '$.owed_by'),
                '$.' || json_extract(payload, '$.lender')
              ),
              0
            ) - IFNULL(
              json_extract(
                json_extract(value, '$.owes'),
                '$.' || json_extract(payload, '$.lender')
              ),
              0
            ) - json_extract(payload, '$.amount') AS relative_balance
          FROM
            json_each(database, '$.users')
          WHERE
            json = database
            AND json_extract(value, '$.name') == json_extract(payload, '$.borrower')
        )
    )
  )
WHERE
  url = '/iou';

-- order the result
UPDATE 'rest-api' AS CURRENT
SET
  result = (
    SELECT
      json_object('users', json_group_array(json(value)))
    FROM
      (
        SELECT
          value
        FROM
          json_each(result)
        ORDER BY
          value
      )
  )
WHERE
  url = '/iou';
-- Create a clean testing environment:
DROP TABLE IF EXISTS tests;

CREATE TABLE IF NOT EXISTS tests (
  -- uuid and name are taken from the test.toml file
  uuid TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  -- The following section is needed by the online test-runner
  status TEXT DEFAULT 'fail',
  message TEXT,
  output TEXT,
  test_code TEXT,
  task_id INTEGER DEFAULT NULL,
  -- Here are columns for the actual tests
  database TEXT NOT NULL,
  payload TEXT NOT NULL,
  url TEXT INT NOT NULL,
  expected TEXT NOT NULL
);

-- Note: the strings below _may_ contain literal tab, newline, or carriage returns.
INSERT INTO
  tests (uuid, name, database, payload, url, expected)
VALUES
  (
    '5be01ffb-a814-47a8-a19f-490a5622ba07',
    'no users',
    '{"users":[]}',
    '{}',
    '/users',
    '{"users":[]}'
  ),
  (
    '382b70cc-9f6c-486d-9bee-fda2df81c803',
    'add user',
    '{"users":[]}',
    '{"user":"Adam"}',
    '/add',
    '{"name":"Adam","owes":{},"owed_by":{},"balance":0}'
  ),
  (
    'd624e5e5-1abb-4f18-95b3-45d55c818dc3',
    'get single user',
    '{"users":[{"name":"Adam","owes":{},"owed_by":{},"balance":0},{"name":"Bob","owes":{},"owed_by":{},"balance":0}]}',
    '{"users":["Bob"]}',
    '/users',
    '{"users":[{"name":"Bob","owes":{},"owed_by":{},"balance":0}]}'
  ),
  (
    '7a81b82c-7276-433e-8fce-29ce983a7c56',
    'both users have 0 balance',
    '{"users":[{"name":"Adam","owes":{},"owed_by":{},"balance":0},{"name":"Bob","owes":{},"owed_by":{},"balance":0}]}',
    '{"lender":"Adam","borrower":"Bob","amount":3}',
    '/iou',
    '{"users":[{"name":"Adam","owes":{},"owed_by":{"Bob":3},"balance":3},{"name":"Bob","owes":{"Adam":3},"owed_by":{},"balance":-3}]}'
  ),
  (
    '1c61f957-cf8c-48ba-9e77-b221ab068803',
    'borrower has negative balance',
    '{"users":[{"name":"Adam","owes":{},"owed_by":{},"balance":0},{"name":"Bob","owes":{"Chuck":3},"owed_by":{},"balance":-3},{"name":"Chuck","owes":{},"owed_by":{"Bob":3},"balance":3}]}',
    '{"lender":"Adam","borrower":"Bob","amount":3}',
    '/iou',
    '{"users":[{"name":"Adam","owes":{},"owed_by":{"Bob":3},"balance":3},{"name":"Bob","owes":{"Adam":3,"Chuck":3},"owed_by":{},"balance":-6}]}'
  ),
  (
    '8a8567b3-c097-468a-9541-6bb17d5afc85',
    'lender has negative balance',
    '{"users":[{"name":"Adam","owes":{},"owed_by":{},"balance":0},{"name":"Bob","owes":{"Chuck":3},"owed_by":{},"balance":-3},{"name":"Chuck","owes":{},"owed_by":{"Bob":3},"balance":3}]}',
    '{"lender":"Bob","borrower":"Adam","amount":3}',
    '/iou',
    '{"users":[{"name":"Adam","owes":{"Bob":3},"owed_by":{},"balance":-3},{"name":"Bob","owes":{"Chuck":3},"owed_by":{"Adam":3},"balance":0}]}'
  ),
  (
    '29fb7c12-7099-4a85-a7c4-9c290d2dc01a',
    'lender owes borrower',
    '{"users":[{"name":"Adam","owes":{"Bob":3},"owed_by":{},"balance":-3},{"name":"Bob","owes":{},"owed_by":{"Adam":3},"balance":3}]}',
    '{"lender":"Adam","borrower":"Bob","amount":2}',
    '/iou',
    '{"users":[{"name":"Adam","owes":{"Bob":1},"owed_by":{},"balance":-1},{"name":"Bob","owes":{},"owed_by":{"Adam":1},"balance":1}]}'
  ),
  (
    'ce969e70-163c-4135-a4a6-2c3a5da286f5',
    'lender owes borrower less than new loan',
    '{"users":[{"name":"Adam","owes":{"Bob":3},"owed_by":{},"balance":-3},{"name":"Bob","owes":{},"owed_by":{"Adam":3},"balance":3}]}',
    '{"lender":"Adam","borrower":"Bob","amount":4}',
    '/iou',
    '{"users":[{"name":"Adam","owes":{},"owed_by":{"Bob":1},"balance":1},{"name":"Bob","owes":{"Adam":1},"owed_by":{},"balance":-1}]}'
  ),
  (
    '7f4aafd9-ae9b-4e15-a406-87a87bdf47a4',
    'lender owes borrower same as new loan',
    '{"users":[{"name":"Adam","owes":{"Bob":3},"owed_by":{},"balance":-3},{"name":"Bob","owes":{},"owed_by":{"Adam":3},"balance":3}]}',
    '{"lender":"Adam","borrower":"Bob","amount":3}',
    '/iou',
    '{"users":[{"name":"Adam","owes":{},"owed_by":{},"balance":0},{"name":"Bob","owes":{},"owed_by":{},"balance":0}]}'
  );
-- Comparison of user input and the tests updates the status for each test:
UPDATE tests
SET
  status = 'pass'
FROM
  (
    SELECT
      database,
      url,
      payload,
      result
    FROM
      'rest-api'
  ) AS actual
WHERE
  (actual.database, actual.url, actual.payload) = (tests.database, tests.url, tests.payload)
  AND (
    SELECT
      COUNT(*)
    FROM
      json_tree(actual.result) as a,
      json_tree(tests.expected) as b
    WHERE
      (a.fullkey, a.atom) IS (b.fullkey, b.atom)
  ) = (
    SELECT
      COUNT(*)
    FROM
      json_tree(tests.expected)
  )
  AND (
    SELECT
      COUNT(*)
    FROM
      json_tree(tests.expected)
  ) = (
    SELECT
      COUNT(*)
    FROM
      json_tree(actual.result)
  );

-- Update message for failed tests to give helpful information:
UPDATE tests
SET
  message = 'Result for ' || tests.database || ' as ' || tests.payload || ' is ' || actual.result || ', but should be ' || tests.expected
FROM
  (
    SELECT
      database,
      payload,
      url,
      result
    FROM
      'rest-api'
  ) AS actual
WHERE
  (actual.database, actual.payload, actual.url) = (tests.database, tests.payload, tests.url)
  AND tests.status = 'fail';

-- Save results to ./output.json (needed by the online test-runner)
SELECT
  name,
  status,
  message,
  output,
  test_code,
  task_id
FROM
  tests;

-- Display test results in readable form for the student:
SELECT
  name,
  status,
  message
FROM
  tests;
