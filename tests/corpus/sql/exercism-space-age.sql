-- Create database:
DROP TABLE IF EXISTS "space-age";

CREATE TABLE "space-age" (
  planet TEXT NOT NULL,
  seconds INTEGER NOT NULL,
  result REAL
);

INSERT INTO "space-age" VALUES ('Earth', '1000000000', '');
INSERT INTO "space-age" VALUES ('Mercury', '2134835688', '');
INSERT INTO "space-age" VALUES ('Venus', '189839836', '');
INSERT INTO "space-age" VALUES ('Mars', '2129871239', '');
INSERT INTO "space-age" VALUES ('Jupiter', '901876382', '');
INSERT INTO "space-age" VALUES ('Saturn', '2000000000', '');
INSERT INTO "space-age" VALUES ('Uranus', '1210123456', '');
INSERT INTO "space-age" VALUES ('Neptune', '1821023456', '');
UPDATE "space-age"
SET
  result = NULL;
-- Read user student solution and save any output as markdown in user_output.md:
DROP TABLE IF EXISTS planets;

CREATE TEMPORARY TABLE planets (name TEXT UNIQUE NOT NULL, period REAL NOT NULL);

INSERT INTO
  planets (name, period)
VALUES
  ('Mercury', 0.2408467),
  ('Venus', 0.61519726),
  ('Earth', 1.0),
  ('Mars', 1.8808158),
  ('Jupiter', 11.862615),
  ('Saturn', 29.447498),
  ('Uranus', 84.016846),
  ('Neptune', 164.79132);

UPDATE "space-age"
SET
  result = ROUND(
    "space-age".seconds / 31557600.0 / planets.period,
    2
  )
FROM
  planets
WHERE
  "space-age".planet = planets.name
  AND "space-age".result ISNULL;
-- Create a clean testing environment:
DROP TABLE IF EXISTS tests;

CREATE TABLE IF NOT EXISTS tests (
  -- uuid and description are taken from the test.toml file
  uuid TEXT PRIMARY KEY,
  description TEXT NOT NULL,
  -- The following section is needed by the online test-runner
  status TEXT DEFAULT 'fail',
  message TEXT,
  output TEXT,
  test_code TEXT,
  task_id INTEGER DEFAULT NULL,
  -- Here are columns for the actual tests
  planet TEXT NOT NULL,
  seconds INTEGER NOT NULL,
  expected REAL
);

INSERT INTO
  tests (uuid, description, planet, seconds, expected)
VALUES
  (
    '84f609af-5a91-4d68-90a3-9e32d8a5cd34',
    'age on Earth',
    'Earth',
    1000000000,
    31.69
  ),
  (
    'ca20c4e9-6054-458c-9312-79679ffab40b',
    'age on Mercury',
    'Mercury',
    2134835688,
    280.88
  ),
  (
    '502c6529-fd1b-41d3-8fab-65e03082b024',
    'age on Venus',
    'Venus',
    189839836,
    9.78
  ),
  (
    '9ceadf5e-a0d5-4388-9d40-2c459227ceb8',
    'age on Mars',
    'Mars',
    2129871239,
    35.88
  ),
  (
    '42927dc3-fe5e-4f76-a5b5-f737fc19bcde',
    'age on Jupiter',
    'Jupiter',
    901876382,
    2.41
  ),
  (
    '8469b332-7837-4ada-b27c-00ee043ebcad',
    'age on Saturn',
    'Saturn',
    2000000000,
    2.15
  ),
  (
    '999354c1-76f8-4bb5-a672-f317b6436743',
    'age on Uranus',
    'Uranus',
    1210123456,
    0.46
  ),
  (
    '80096d30-a0d4-4449-903e-a381178355d8',
    'age on Neptune',
    'Neptune',
    1821023456,
    0.35
  );
-- Comparison of user input and the tests updates the status for each test:
UPDATE tests
SET
  status = 'pass'
FROM
  (
    SELECT
      planet,
      seconds,
      result
    FROM
      "space-age"
  ) AS actual
WHERE
  (
    actual.planet,
    actual.seconds,
    JSON(actual.result)
  ) = (tests.planet, tests.seconds, JSON(tests.expected));

-- Update message for failed tests to give helpful information:
UPDATE tests
SET
  message = (
    'Result for "' || JSON_OBJECT('planet', tests.planet, 'seconds', tests.seconds) || '"' || ' is <' || COALESCE(actual.result, 'NULL') || '> but should be <' || tests.expected || '>'
  )
FROM
  (
    SELECT
      planet,
      seconds,
      result
    FROM
      "space-age"
  ) AS actual
WHERE
  (actual.planet, actual.seconds) = (tests.planet, tests.seconds)
  AND tests.status = 'fail';

-- Save results to ./output.json (needed by the online test-runner)
SELECT
  description,
  status,
  message,
  output,
  test_code,
  task_id
FROM
  tests;

-- Display test results in readable form for the student:
SELECT
  description,
  status,
  message
FROM
  tests;
