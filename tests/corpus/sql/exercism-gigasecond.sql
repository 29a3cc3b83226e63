-- Setup test table and read in student solution:
-- Create database:
DROP TABLE IF EXISTS gigasecond;

CREATE TABLE "gigasecond" ("moment" TEXT, "result" TEXT);

-- Note: the CSV file contain literal tab, newline, carriage returns.
INSERT INTO "gigasecond" VALUES ('2011-04-25', '');
INSERT INTO "gigasecond" VALUES ('1977-06-13', '');
INSERT INTO "gigasecond" VALUES ('1959-07-19', '');
INSERT INTO "gigasecond" VALUES ('2015-01-24T22:00:00', '');
INSERT INTO "gigasecond" VALUES ('2015-01-24T23:59:59', '');
-- Read user student solution and save any output as markdown in user_output.md:
UPDATE gigasecond
SET
  result = date(moment, '+1000000000 seconds') || 'T' || time(moment, '+1000000000 seconds');
-- Create a clean testing environment:
DROP TABLE IF EXISTS tests;

CREATE TABLE IF NOT EXISTS tests (
  -- uuid and name (description) are taken from the test.toml file
  uuid TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  -- The following section is needed by the online test-runner
  status TEXT DEFAULT 'fail',
  message TEXT,
  output TEXT,
  test_code TEXT,
  task_id INTEGER DEFAULT NULL,
  -- Here are columns for the actual tests
  moment TEXT NOT NULL,
  result TEXT NOT NULL
);
-- Test cases:
-- Note: the strings below contain literal tab, newline, carriage returns.
INSERT INTO
  tests (name, uuid, moment, result)
VALUES
  (
    'date only specification of time',
    '92fbe71c-ea52-4fac-bd77-be38023cacf7',
    '2011-04-25',
    '2043-01-01T01:46:40'
  ),
  (
    'second test for date only specification of time',
    '6d86dd16-6f7a-47be-9e58-bb9fb2ae1433',
    '1977-06-13',
    '2009-02-19T01:46:40'
  ),
  (
    'third test for date only specification of time',
    '77eb8502-2bca-4d92-89d9-7b39ace28dd5',
    '1959-07-19',
    '1991-03-27T01:46:40'
  ),
  (
    'full time specified',
    'c9d89a7d-06f8-4e28-a305-64f1b2abc693',
    '2015-01-24T22:00:00',
    '2046-10-02T23:46:40'
  ),
  (
    'full time with day roll-over',
    '09d4e30e-728a-4b52-9005-be44a58d9eba',
    '2015-01-24T23:59:59',
    '2046-10-03T01:46:39'
  );

-- Comparison of user input and the tests updates the status for each test:
UPDATE tests
SET
  status = 'pass'
FROM
  (
    SELECT
      moment,
      result
    FROM
      gigasecond
  ) AS actual
WHERE
  (actual.moment, actual.result) = (tests.moment, tests.result);

-- Write results and debug info:
-- Update message for failed tests to give helpful information:
UPDATE tests
SET
  message = (
    'Result for ' || tests.moment || ' is <' || COALESCE(actual.result, 'NULL') || '> but should be <' || tests.result || '>'
  )
FROM
  (
    SELECT
      moment,
      result
    FROM
      gigasecond
  ) AS actual
WHERE
  actual.moment = tests.moment
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
