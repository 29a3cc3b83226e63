-- Create database:
DROP TABLE IF EXISTS acronym;

CREATE TABLE acronym (phrase TEXT PRIMARY KEY, result TEXT);

INSERT INTO "acronym" VALUES ('Portable Network Graphics', '');
INSERT INTO "acronym" VALUES ('Ruby on Rails', '');
INSERT INTO "acronym" VALUES ('First In, First Out', '');
INSERT INTO "acronym" VALUES ('GNU Image Manipulation Program', '');
INSERT INTO "acronym" VALUES ('Complementary metal-oxide semiconductor', '');
INSERT INTO "acronym" VALUES ('Rolling On The Floor Laughing So Hard That My Dogs Came Over And Licked Me', '');
INSERT INTO "acronym" VALUES ('Something - I made up from thin air', '');
INSERT INTO "acronym" VALUES ('Halley''s Comet', '');
INSERT INTO "acronym" VALUES ('The Road _Not_ Taken', '');
-- Read user student solution and save any output as markdown in user_output.md:
UPDATE acronym
SET
  result = (
    WITH RECURSIVE
      rcte (string, abbr) AS (
        VALUES
          (' ' || phrase, '')
        UNION ALL
        SELECT
          SUBSTR(string, 2),
          abbr || CASE
            WHEN GLOB('[ _-]', SUBSTR(string, 1, 1))
            AND GLOB('[A-Za-z]', SUBSTR(string, 2, 1)) THEN SUBSTR(string, 2, 1)
            ELSE ''
          END
        FROM
          rcte
        WHERE
          string GLOB '*[ _-]*'
      )
    SELECT
      UPPER(abbr)
    FROM
      rcte
    WHERE
      string NOT GLOB '*[ _-]*'
  );
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
  phrase TEXT NOT NULL,
  expected TEXT NOT NULL
);

INSERT INTO
  tests (uuid, description, phrase, expected)
VALUES
  (
    '1e22cceb-c5e4-4562-9afe-aef07ad1eaf4',
    'basic',
    'Portable Network Graphics',
    'PNG'
  ),
  (
    '79ae3889-a5c0-4b01-baf0-232d31180c08',
    'lowercase words',
    'Ruby on Rails',
    'ROR'
  ),
  (
    'ec7000a7-3931-4a17-890e-33ca2073a548',
    'punctuation',
    'First In, First Out',
    'FIFO'
  ),
  (
    '32dd261c-0c92-469a-9c5c-b192e94a63b0',
    'all caps word',
    'GNU Image Manipulation Program',
    'GIMP'
  ),
  (
    'ae2ac9fa-a606-4d05-8244-3bcc4659c1d4',
    'punctuation without whitespace',
    'Complementary metal-oxide semiconductor',
    'CMOS'
  ),
  (
    '0e4b1e7c-1a6d-48fb-81a7-bf65eb9e69f9',
    'very long abbreviation',
    'Rolling On The Floor Laughing So Hard That My Dogs Came Over And Licked Me',
    'ROTFLSHTMDCOALM'
  ),
  (
    '6a078f49-c68d-4b7b-89af-33a1a98c28cc',
    'consecutive delimiters',
    'Something - I made up from thin air',
    'SIMUFTA'
  ),
  (
    '5118b4b1-4572-434c-8d57-5b762e57973e',
    'apostrophes',
    'Halley''s Comet',
    'HC'
  ),
  (
    'adc12eab-ec2d-414f-b48c-66a4fc06cdef',
    'underscore emphasis',
    'The Road _Not_ Taken',
    'TRNT'
  );
-- Comparison of user input and the tests updates the status for each test:
UPDATE tests
SET
  status = 'pass'
FROM
  (
    SELECT
      phrase,
      result
    FROM
      acronym
  ) AS actual
WHERE
  (actual.phrase, actual.result) = (tests.phrase, tests.expected);

-- Update message for failed tests to give helpful information:
UPDATE tests
SET
  message = (
    'Result for "' || tests.phrase || '"' || ' is <' || COALESCE(actual.result, 'NULL') || '> but should be <' || tests.expected || '>'
  )
FROM
  (
    SELECT
      phrase,
      result
    FROM
      acronym
  ) AS actual
WHERE
  actual.phrase = tests.phrase
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
