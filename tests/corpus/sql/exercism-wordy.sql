-- Create database:
DROP TABLE IF EXISTS wordy;

CREATE TABLE wordy (
  question TEXT NOT NULL,
  result INTEGER,
  error TEXT
);

INSERT INTO "wordy" VALUES ('What is 5?', '', '');
INSERT INTO "wordy" VALUES ('What is 0?', '', '');
INSERT INTO "wordy" VALUES ('What is -123?', '', '');
INSERT INTO "wordy" VALUES ('What is 1 plus 1?', '', '');
INSERT INTO "wordy" VALUES ('What is 0 plus 2?', '', '');
INSERT INTO "wordy" VALUES ('What is 3 plus 0?', '', '');
INSERT INTO "wordy" VALUES ('What is 53 plus 2?', '', '');
INSERT INTO "wordy" VALUES ('What is -1 plus -10?', '', '');
INSERT INTO "wordy" VALUES ('What is 123 plus 45678?', '', '');
INSERT INTO "wordy" VALUES ('What is 4 minus -12?', '', '');
INSERT INTO "wordy" VALUES ('What is -3 multiplied by 25?', '', '');
INSERT INTO "wordy" VALUES ('What is 33 divided by -3?', '', '');
INSERT INTO "wordy" VALUES ('What is 1 plus 1 plus 1?', '', '');
INSERT INTO "wordy" VALUES ('What is 1 plus 5 minus -2?', '', '');
INSERT INTO "wordy" VALUES ('What is 20 minus 4 minus 13?', '', '');
INSERT INTO "wordy" VALUES ('What is 17 minus 6 plus 3?', '', '');
INSERT INTO "wordy" VALUES ('What is 2 multiplied by -2 multiplied by 3?', '', '');
INSERT INTO "wordy" VALUES ('What is -3 plus 7 multiplied by -2?', '', '');
INSERT INTO "wordy" VALUES ('What is -12 divided by 2 divided by -3?', '', '');
INSERT INTO "wordy" VALUES ('What is 52 cubed?', '', '');
INSERT INTO "wordy" VALUES ('Who is the President of the United States?', '', '');
INSERT INTO "wordy" VALUES ('What is 1 plus?', '', '');
INSERT INTO "wordy" VALUES ('What is?', '', '');
INSERT INTO "wordy" VALUES ('What is 1 plus plus 2?', '', '');
INSERT INTO "wordy" VALUES ('What is 1 plus 2 1?', '', '');
INSERT INTO "wordy" VALUES ('What is 1 2 plus?', '', '');
INSERT INTO "wordy" VALUES ('What is plus 1 2?', '', '');
UPDATE wordy
SET
  result = NULL,
  error = NULL;
-- Read user student solution and save any output as markdown in user_output.md:
DROP TABLE IF EXISTS dict;

CREATE TEMPORARY TABLE dict (key TEXT NOT NULL, value TEXT NOT NULL);

INSERT INTO
  dict (key, value)
VALUES
  ('What is', '='),
  ('plus', '+'),
  ('minus', '-'),
  ('multiplied by', '*'),
  ('divided by', '/'),
  ('?', '?');

DROP TABLE IF EXISTS tmp;

CREATE TEMPORARY TABLE tmp (question TEXT NOT NULL, normalized TEXT);

INSERT INTO
  tmp
SELECT
  question,
  (
    WITH RECURSIVE
      normalizer (string, tokens, idx) AS (
        VALUES
          (
            REPLACE(wordy.question, '?', ' ?'),
            (
              SELECT
                JSON_GROUP_ARRAY(JSON(array))
              FROM
                (
                  SELECT
                    JSON_ARRAY(key, value) AS ARRAY
                  FROM
                    dict
                )
            ),
            0
          )
        UNION ALL
        SELECT
          REPLACE(
            string,
            JSON_EXTRACT(tokens, PRINTF('$[%d][0]', idx)),
            JSON_EXTRACT(tokens, PRINTF('$[%d][1]', idx))
          ),
          tokens,
          idx + 1
        FROM
          normalizer
        WHERE
          idx < JSON_ARRAY_LENGTH(tokens)
      )
    SELECT
      string
    FROM
      normalizer
    WHERE
      idx = (
        SELECT
          MAX(idx)
        FROM
          normalizer
      )
  )
FROM
  wordy;

ALTER TABLE tmp
ADD COLUMN tokens TEXT;

WITH
  to_tokens (question, tokens) AS (
    SELECT
      question,
      (
        WITH RECURSIVE
          tokenizer (string, token) AS (
            VALUES
              (tmp.normalized || ' ', NULL)
            UNION ALL
            SELECT
              SUBSTR(string, INSTR(string, ' ') + 1),
              SUBSTR(string, 1, INSTR(string, ' ') - 1)
            FROM
              tokenizer
            WHERE
              string <> ''
            LIMIT
              10
          )
        SELECT
          JSON_GROUP_ARRAY(token) tokens
        FROM
          tokenizer
        WHERE
          token NOTNULL
      )
    FROM
      tmp
  )
UPDATE tmp
SET
  tokens = to_tokens.tokens
FROM
  to_tokens
WHERE
  tmp.question = to_tokens.question;

UPDATE wordy
SET
  error = 'unknown operation'
FROM
  tmp
WHERE
  wordy.question = tmp.question
  AND (
    JSON_EXTRACT(tokens, '$[0]') <> '='
    OR JSON_EXTRACT(tokens, '$[#]') <> '?'
    OR (
      SELECT
        1
      FROM
        JSON_EACH(tokens) j
      WHERE
        j.value NOT IN (
          SELECT
            value
          FROM
            dict
        )
        AND NOT (REGEXP ('^-?[0-9]+$', j.VALUE))
    )
  )
  AND error ISNULL;

UPDATE wordy
SET
  error = 'syntax error'
FROM
  tmp
WHERE
  wordy.question = tmp.question
  AND REGEXP (
    '^= -?[0-9]+( [-+*/] -?[0-9]+)* \?$',
    tmp.normalized
  ) != 1
  AND wordy.error ISNULL;

UPDATE wordy
SET
  result = (
    WITH RECURSIVE
      calc (expr) AS (
        VALUES
          (JSON_REMOVE(tmp.tokens, '$[#-1]', '$[0]'))
        UNION ALL
        SELECT
          JSON_SET(
            JSON_REMOVE(expr, '$[0]', '$[0]'),
            '$[0]',
            CASE JSON_EXTRACT(expr, '$[1]')
              WHEN '+' THEN JSON_EXTRACT(expr, '$[0]') + JSON_EXTRACT(expr, '$[2]')
              WHEN '-' THEN JSON_EXTRACT(expr, '$[0]') - JSON_EXTRACT(expr, '$[2]')
              WHEN '*' THEN JSON_EXTRACT(expr, '$[0]') * JSON_EXTRACT(expr, '$[2]')
              WHEN '/' THEN JSON_EXTRACT(expr, '$[0]') / JSON_EXTRACT(expr, '$[2]')
            END
          )
        FROM
          calc
        WHERE
          JSON_ARRAY_LENGTH(expr) >= 3
      )
    SELECT
      JSON_EXTRACT(expr, '$[0]')
    FROM
      calc
    WHERE
      JSON_ARRAY_LENGTH(expr) = 1
  )
FROM
  tmp
WHERE
  wordy.question = tmp.question
  AND error ISNULL;
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
  question TEXT NOT NULL,
  expected_result INTEGER,
  expected_error TEXT
);

INSERT INTO
  tests (
    uuid,
    description,
    question,
    expected_result,
    expected_error
  )
VALUES
  (
    '88bf4b28-0de3-4883-93c7-db1b14aa806e',
    'just a number',
    'What is 5?',
    5,
    NULL
  ),
  (
    '18983214-1dfc-4ebd-ac77-c110dde699ce',
    'just a zero',
    'What is 0?',
    0,
    NULL
  ),
  (
    '607c08ee-2241-4288-916d-dae5455c87e6',
    'just a negative number',
    'What is -123?',
    -123,
    NULL
  ),
  (
    'bb8c655c-cf42-4dfc-90e0-152fcfd8d4e0',
    'addition',
    'What is 1 plus 1?',
    2,
    NULL
  ),
  (
    'bb9f2082-171c-46ad-ad4e-c3f72087c1b5',
    'addition with a left hand zero',
    'What is 0 plus 2?',
    2,
    NULL
  ),
  (
    '6fa05f17-405a-4742-80ae-5d1a8edb0d5d',
    'addition with a right hand zero',
    'What is 3 plus 0?',
    3,
    NULL
  ),
  (
    '79e49e06-c5ae-40aa-a352-7a3a01f70015',
    'more addition',
    'What is 53 plus 2?',
    55,
    NULL
  ),
  (
    'b345dbe0-f733-44e1-863c-5ae3568f3803',
    'addition with negative numbers',
    'What is -1 plus -10?',
    -11,
    NULL
  ),
  (
    'cd070f39-c4cc-45c4-97fb-1be5e5846f87',
    'large addition',
    'What is 123 plus 45678?',
    45801,
    NULL
  ),
  (
    '0d86474a-cd93-4649-a4fa-f6109a011191',
    'subtraction',
    'What is 4 minus -12?',
    16,
    NULL
  ),
  (
    '30bc8395-5500-4712-a0cf-1d788a529be5',
    'multiplication',
    'What is -3 multiplied by 25?',
    -75,
    NULL
  ),
  (
    '34c36b08-8605-4217-bb57-9a01472c427f',
    'division',
    'What is 33 divided by -3?',
    -11,
    NULL
  ),
  (
    'da6d2ce4-fb94-4d26-8f5f-b078adad0596',
    'multiple additions',
    'What is 1 plus 1 plus 1?',
    3,
    NULL
  ),
  (
    '7fd74c50-9911-4597-be09-8de7f2fea2bb',
    'addition and subtraction',
    'What is 1 plus 5 minus -2?',
    8,
    NULL
  ),
  (
    'b120ffd5-bad6-4e22-81c8-5512e8faf905',
    'multiple subtraction',
    'What is 20 minus 4 minus 13?',
    3,
    NULL
  ),
  (
    '4f4a5749-ef0c-4f60-841f-abcfaf05d2ae',
    'subtraction then addition',
    'What is 17 minus 6 plus 3?',
    14,
    NULL
  ),
  (
    '312d908c-f68f-42c9-aa75-961623cc033f',
    'multiple multiplication',
    'What is 2 multiplied by -2 multiplied by 3?',
    -12,
    NULL
  ),
  (
    '38e33587-8940-4cc1-bc28-bfd7e3966276',
    'addition and multiplication',
    'What is -3 plus 7 multiplied by -2?',
    -8,
    NULL
  ),
  (
    '3c854f97-9311-46e8-b574-92b60d17d394',
    'multiple division',
    'What is -12 divided by 2 divided by -3?',
    2,
    NULL
  ),
  (
    '3ad3e433-8af7-41ec-aa9b-97b42ab49357',
    'unknown operation',
    'What is 52 cubed?',
    NULL,
    'unknown operation'
  ),
  (
    '8a7e85a8-9e7b-4d46-868f-6d759f4648f8',
    'Non math question',
    'Who is the President of the United States?',
    NULL,
    'unknown operation'
  ),
  (
    '42d78b5f-dbd7-4cdb-8b30-00f794bb24cf',
    'reject problem missing an operand',
    'What is 1 plus?',
    NULL,
    'syntax error'
  ),
  (
    'c2c3cbfc-1a72-42f2-b597-246e617e66f5',
    'reject problem with no operands or operators',
    'What is?',
    NULL,
    'syntax error'
  ),
  (
    '4b3df66d-6ed5-4c95-a0a1-d38891fbdab6',
    'reject two operations in a row',
    'What is 1 plus plus 2?',
    NULL,
    'syntax error'
  ),
  (
    '6abd7a50-75b4-4665-aa33-2030fd08bab1',
    'reject two numbers in a row',
    'What is 1 plus 2 1?',
    NULL,
    'syntax error'
  ),
  (
    '10a56c22-e0aa-405f-b1d2-c642d9c4c9de',
    'reject postfix notation',
    'What is 1 2 plus?',
    NULL,
    'syntax error'
  ),
  (
    '0035bc63-ac43-4bb5-ad6d-e8651b7d954e',
    'reject prefix notation',
    'What is plus 1 2?',
    NULL,
    'syntax error'
  );
-- Comparison of user input and the tests updates the status for each test:
UPDATE tests
SET
  status = 'pass'
FROM
  (
    SELECT
      question,
      result,
      error
    FROM
      wordy
  ) AS actual
WHERE
  actual.question = tests.question
  AND (
    actual.result = tests.expected_result
    OR (
      actual.result ISNULL
      AND tests.expected_result ISNULL
    )
  )
  AND (
    actual.error = tests.expected_error
    OR (
      actual.error ISNULL
      AND tests.expected_error ISNULL
    )
  );

-- Update message for failed tests to give helpful information:
UPDATE tests
SET
  message = (
    'Result for "' || actual.question || '"' || ' is <' || PRINTF(
      'result=%s and error="%s"',
      COALESCE(actual.result, 'NULL'),
      COALESCE(actual.error, 'NULL')
    ) || '> but should be <' || PRINTF(
      'result=%s and error="%s"',
      COALESCE(tests.expected_result, '"NULL"'),
      COALESCE(tests.expected_error, 'NULL')
    ) || '>'
  )
FROM
  (
    SELECT
      question,
      result,
      error
    FROM
      wordy
  ) AS actual
WHERE
  actual.question = tests.question
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
