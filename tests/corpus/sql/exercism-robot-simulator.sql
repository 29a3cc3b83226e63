-- Create database:
DROP TABLE IF EXISTS "robot-simulator";

CREATE TABLE "robot-simulator" (
  property TEXT NOT NULL,
  input TEXT NOT NULL, -- json object
  result TEXT -- json object
);

INSERT INTO "robot-simulator" VALUES ('create', '{"position":{"x":0,"y":0},"direction":"north"}', '');
INSERT INTO "robot-simulator" VALUES ('create', '{"position":{"x":-1,"y":-1},"direction":"south"}', '');
INSERT INTO "robot-simulator" VALUES ('move', '{"position":{"x":0,"y":0},"direction":"north","instructions":"R"}', '');
INSERT INTO "robot-simulator" VALUES ('move', '{"position":{"x":0,"y":0},"direction":"east","instructions":"R"}', '');
INSERT INTO "robot-simulator" VALUES ('move', '{"position":{"x":0,"y":0},"direction":"south","instructions":"R"}', '');
INSERT INTO "robot-simulator" VALUES ('move', '{"position":{"x":0,"y":0},"direction":"west","instructions":"R"}', '');
INSERT INTO "robot-simulator" VALUES ('move', '{"position":{"x":0,"y":0},"direction":"north","instructions":"L"}', '');
INSERT INTO "robot-simulator" VALUES ('move', '{"position":{"x":0,"y":0},"direction":"west","instructions":"L"}', '');
INSERT INTO "robot-simulator" VALUES ('move', '{"position":{"x":0,"y":0},"direction":"south","instructions":"L"}', '');
INSERT INTO "robot-simulator" VALUES ('move', '{"position":{"x":0,"y":0},"direction":"east","instructions":"L"}', '');
INSERT INTO "robot-simulator" VALUES ('move', '{"position":{"x":0,"y":0},"direction":"north","instructions":"A"}', '');
INSERT INTO "robot-simulator" VALUES ('move', '{"position":{"x":0,"y":0},"direction":"south","instructions":"A"}', '');
INSERT INTO "robot-simulator" VALUES ('move', '{"position":{"x":0,"y":0},"direction":"east","instructions":"A"}', '');
INSERT INTO "robot-simulator" VALUES ('move', '{"position":{"x":0,"y":0},"direction":"west","instructions":"A"}', '');
INSERT INTO "robot-simulator" VALUES ('move', '{"position":{"x":7,"y":3},"direction":"north","instructions":"RAALAL"}', '');
INSERT INTO "robot-simulator" VALUES ('move', '{"position":{"x":0,"y":0},"direction":"north","instructions":"LAAARALA"}', '');
INSERT INTO "robot-simulator" VALUES ('move', '{"position":{"x":2,"y":-7},"direction":"east","instructions":"RRAAAAALA"}', '');
INSERT INTO "robot-simulator" VALUES ('move', '{"position":{"x":8,"y":4},"direction":"south","instructions":"LAAARRRALLLL"}', '');
UPDATE "robot-simulator"
SET
  result = NULL;
-- Read user student solution and save any output as markdown in user_output.md:
UPDATE "robot-simulator"
SET
  result = input
WHERE
  property = 'create';

DROP TABLE IF EXISTS directions;

CREATE TABLE directions (
  direction TEXT NOT NULL,
  angle INTEGER NOT NULL,
  axis TEXT NOT NULL,
  incr INTEGER NOT NULL
);

INSERT INTO
  directions (direction, angle, axis, incr)
VALUES
  ('north', 0, 'y', 1),
  ('east', 90, 'x', 1),
  ('south', 180, 'y', -1),
  ('west', 270, 'x', -1);

DROP TABLE IF EXISTS tmp;

CREATE TEMPORARY TABLE tmp (input TEXT PRIMARY KEY, output TEXT NOT NULL);

INSERT INTO
  tmp
SELECT
  input,
  JSON_SET(
    input,
    '$.instructions',
    (
      WITH RECURSIVE
        rcte (string, chr) AS (
          VALUES
            (JSON_EXTRACT(input, '$.instructions'), NULL)
          UNION ALL
          SELECT
            SUBSTR(string, 2),
            SUBSTR(string, 1, 1)
          FROM
            rcte
          WHERE
            string <> ''
        )
      SELECT
        JSON_GROUP_ARRAY(chr)
      FROM
        rcte
      WHERE
        chr NOTNULL
    )
  )
FROM
  "robot-simulator"
WHERE
  property = 'move';

UPDATE "robot-simulator"
SET
  result = (
    WITH RECURSIVE
      rcte (jobject, instructions, lr, dirmap) AS (
        VALUES
          (
            JSON_REMOVE(tmp.output, '$.instructions'),
            JSON_EXTRACT(tmp.output, '$.instructions'),
            '{"L": -90, "R": 90}',
            (
              SELECT
                JSON_GROUP_OBJECT(
                  direction,
                  JSON_OBJECT('axis', axis, 'incr', incr)
                )
              FROM
                directions
            )
          )
        UNION ALL
        SELECT
          CASE
            WHEN JSON_EXTRACT(instructions, '$[0]') IN ('R', 'L') THEN JSON_SET(
              jobject,
              '$.direction',
              (
                SELECT
                  direction
                FROM
                  directions
                WHERE
                  angle = (
                    SELECT
                      (
                        360 + angle + JSON_EXTRACT(
                          lr,
                          PRINTF('$.%s', JSON_EXTRACT(instructions, '$[0]'))
                        )
                      ) % 360
                    FROM
                      directions
                    WHERE
                      direction = JSON_EXTRACT(jobject, '$.direction')
                  )
              )
            )
            WHEN JSON_EXTRACT(instructions, '$[0]') = 'A' THEN JSON_SET(
              jobject,
              PRINTF(
                '$.position.%s',
                JSON_EXTRACT(
                  dirmap,
                  PRINTF('$.%s.axis', JSON_EXTRACT(jobject, '$.direction'))
                )
              ),
              JSON_EXTRACT(
                jobject,
                PRINTF(
                  '$.position.%s',
                  JSON_EXTRACT(
                    dirmap,
                    PRINTF('$.%s.axis', JSON_EXTRACT(jobject, '$.direction'))
                  )
                )
              ) + JSON_EXTRACT(
                dirmap,
                PRINTF('$.%s.incr', JSON_EXTRACT(jobject, '$.direction'))
              )
            )
            ELSE jobject
          END,
          JSON_REMOVE(instructions, '$[0]'),
          lr,
          dirmap
        FROM
          rcte
        WHERE
          JSON_ARRAY_LENGTH(instructions) > 0
      )
    SELECT
      jobject
    FROM
      rcte
    WHERE
      JSON_ARRAY_LENGTH(instructions) = 0
  )
FROM
  tmp
WHERE
  "robot-simulator".input = tmp.input;
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
  property TEXT NOT NULL,
  input INTEGER NOT NULL, -- json object
  expected TEXT NOT NULL -- json object
);

INSERT INTO
  tests (uuid, description, property, input, expected)
VALUES
  (
    'c557c16d-26c1-4e06-827c-f6602cd0785c',
    'at origin facing north',
    'create',
    '{"position":{"x":0,"y":0},"direction":"north"}',
    '{"position":{"x":0,"y":0},"direction":"north"}'
  ),
  (
    'bf0dffce-f11c-4cdb-8a5e-2c89d8a5a67d',
    'at negative position facing south',
    'create',
    '{"position":{"x":-1,"y":-1},"direction":"south"}',
    '{"position":{"x":-1,"y":-1},"direction":"south"}'
  ),
  (
    '8cbd0086-6392-4680-b9b9-73cf491e67e5',
    'changes north to east',
    'move',
    '{"position":{"x":0,"y":0},"direction":"north","instructions":"R"}',
    '{"position":{"x":0,"y":0},"direction":"east"}'
  ),
  (
    '8abc87fc-eab2-4276-93b7-9c009e866ba1',
    'changes east to south',
    'move',
    '{"position":{"x":0,"y":0},"direction":"east","instructions":"R"}',
    '{"position":{"x":0,"y":0},"direction":"south"}'
  ),
  (
    '3cfe1b85-bbf2-4bae-b54d-d73e7e93617a',
    'changes south to west',
    'move',
    '{"position":{"x":0,"y":0},"direction":"south","instructions":"R"}',
    '{"position":{"x":0,"y":0},"direction":"west"}'
  ),
  (
    '5ea9fb99-3f2c-47bd-86f7-46b7d8c3c716',
    'changes west to north',
    'move',
    '{"position":{"x":0,"y":0},"direction":"west","instructions":"R"}',
    '{"position":{"x":0,"y":0},"direction":"north"}'
  ),
  (
    'fa0c40f5-6ba3-443d-a4b3-58cbd6cb8d63',
    'changes north to west',
    'move',
    '{"position":{"x":0,"y":0},"direction":"north","instructions":"L"}',
    '{"position":{"x":0,"y":0},"direction":"west"}'
  ),
  (
    'da33d734-831f-445c-9907-d66d7d2a92e2',
    'changes west to south',
    'move',
    '{"position":{"x":0,"y":0},"direction":"west","instructions":"L"}',
    '{"position":{"x":0,"y":0},"direction":"south"}'
  ),
  (
    'bd1ca4b9-4548-45f4-b32e-900fc7c19389',
    'changes south to east',
    'move',
    '{"position":{"x":0,"y":0},"direction":"south","instructions":"L"}',
    '{"position":{"x":0,"y":0},"direction":"east"}'
  ),
  (
    '2de27b67-a25c-4b59-9883-bc03b1b55bba',
    'changes east to north',
    'move',
    '{"position":{"x":0,"y":0},"direction":"east","instructions":"L"}',
    '{"position":{"x":0,"y":0},"direction":"north"}'
  ),
  (
    'f0dc2388-cddc-4f83-9bed-bcf46b8fc7b8',
    'facing north increments Y',
    'move',
    '{"position":{"x":0,"y":0},"direction":"north","instructions":"A"}',
    '{"position":{"x":0,"y":1},"direction":"north"}'
  ),
  (
    '2786cf80-5bbf-44b0-9503-a89a9c5789da',
    'facing south decrements Y',
    'move',
    '{"position":{"x":0,"y":0},"direction":"south","instructions":"A"}',
    '{"position":{"x":0,"y":-1},"direction":"south"}'
  ),
  (
    '84bf3c8c-241f-434d-883d-69817dbd6a48',
    'facing east increments X',
    'move',
    '{"position":{"x":0,"y":0},"direction":"east","instructions":"A"}',
    '{"position":{"x":1,"y":0},"direction":"east"}'
  ),
  (
    'bb69c4a7-3bbf-4f64-b415-666fa72d7b04',
    'facing west decrements X',
    'move',
    '{"position":{"x":0,"y":0},"direction":"west","instructions":"A"}',
    '{"position":{"x":-1,"y":0},"direction":"west"}'
  ),
  (
    'e34ac672-4ed4-4be3-a0b8-d9af259cbaa1',
    'moving east and north from README',
    'move',
    '{"position":{"x":7,"y":3},"direction":"north","instructions":"RAALAL"}',
    '{"position":{"x":9,"y":4},"direction":"west"}'
  ),
  (
    'f30e4955-4b47-4aa3-8b39-ae98cfbd515b',
    'moving west and north',
    'move',
    '{"position":{"x":0,"y":0},"direction":"north","instructions":"LAAARALA"}',
    '{"position":{"x":-4,"y":1},"direction":"west"}'
  ),
  (
    '3e466bf6-20ab-4d79-8b51-264165182fca',
    'moving west and south',
    'move',
    '{"position":{"x":2,"y":-7},"direction":"east","instructions":"RRAAAAALA"}',
    '{"position":{"x":-3,"y":-8},"direction":"south"}'
  ),
  (
    '41f0bb96-c617-4e6b-acff-a4b279d44514',
    'moving east and north',
    'move',
    '{"position":{"x":8,"y":4},"direction":"south","instructions":"LAAARRRALLLL"}',
    '{"position":{"x":11,"y":5},"direction":"north"}'
  );
-- Comparison of user input and the tests updates the status for each test:
UPDATE tests
SET
  status = 'pass'
FROM
  (
    SELECT
      property,
      input,
      result
    FROM
      "robot-simulator"
  ) AS actual
WHERE
  (
    actual.property,
    actual.input,
    JSON(actual.result)
  ) = (tests.property, tests.input, JSON(tests.expected));

-- Update message for failed tests to give helpful information:
UPDATE tests
SET
  message = (
    'Result for "' || tests.input || '"' || ' is <' || COALESCE(actual.result, 'NULL') || '> but should be <' || tests.expected || '>'
  )
FROM
  (
    SELECT
      property,
      input,
      result
    FROM
      "robot-simulator"
  ) AS actual
WHERE
  (actual.property, actual.input) = (tests.property, tests.input)
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
