"""The schema as the spec (allworkouts-schema.md) defines it, pinned: read off a database
that schema_check.py reported 162/162, then reviewed. A model or migration change that
alters any of it fails tests/allworkouts/test_schema.py."""

# fmt: off
EXPECTED = {'columns': {'equipment.created_at': ('timestamp with time zone',
                                                 'NOT NULL',
                                                 'CURRENT_TIMESTAMP'),
                        'equipment.description': ('text', 'NULL', None),
                        'equipment.id': ('uuid', 'NOT NULL', 'gen_random_uuid()'),
                        'equipment.name': ('character varying(255)', 'NOT NULL', None),
                        'exercise.added_by_id': ('uuid', 'NULL', None),
                        'exercise.created_at': ('timestamp with time zone',
                                                'NOT NULL',
                                                'CURRENT_TIMESTAMP'),
                        'exercise.default_reps': ('integer', 'NULL', None),
                        'exercise.default_rest_time_seconds': ('integer', 'NULL', None),
                        'exercise.default_weight': ('numeric(10,2)', 'NULL', None),
                        'exercise.description': ('text', 'NULL', None),
                        'exercise.id': ('uuid', 'NOT NULL', 'gen_random_uuid()'),
                        'exercise.name': ('character varying(255)', 'NOT NULL', None),
                        'exercise.primary_muscle_groups': ('muscle_group_enum[]',
                                                           'NOT NULL',
                                                           None),
                        'exercise.review_status': ('character varying(10)', 'NULL', None),
                        'exercise.secondary_muscle_groups': ('muscle_group_enum[]',
                                                             'NULL',
                                                             "'{}'::muscle_group_enum[]"),
                        'exercise.updated_at': ('timestamp with time zone',
                                                'NOT NULL',
                                                'CURRENT_TIMESTAMP'),
                        'exercise_equipment.equipment_id': ('uuid', 'NOT NULL', None),
                        'exercise_equipment.exercise_id': ('uuid', 'NOT NULL', None),
                        'exercise_session.created_at': ('timestamp with time zone',
                                                        'NOT NULL',
                                                        'CURRENT_TIMESTAMP'),
                        'exercise_session.exercise_id': ('uuid', 'NOT NULL', None),
                        'exercise_session.id': ('uuid', 'NOT NULL', 'gen_random_uuid()'),
                        'exercise_session.notes': ('text', 'NULL', None),
                        'exercise_session.reps': ('integer', 'NOT NULL', None),
                        'exercise_session.rest_time_seconds': ('integer', 'NULL', None),
                        'exercise_session.rpe': ('numeric(3,1)', 'NULL', None),
                        'exercise_session.set_number': ('integer', 'NOT NULL', None),
                        'exercise_session.set_type': ('character varying(10)',
                                                      'NULL',
                                                      None),
                        'exercise_session.updated_at': ('timestamp with time zone',
                                                        'NOT NULL',
                                                        'CURRENT_TIMESTAMP'),
                        'exercise_session.weight': ('numeric(10,2)', 'NOT NULL', None),
                        'exercise_session.workout_session_id': ('uuid', 'NOT NULL', None),
                        'personal_record.achieved_at': ('timestamp with time zone',
                                                        'NOT NULL',
                                                        None),
                        'personal_record.created_at': ('timestamp with time zone',
                                                       'NOT NULL',
                                                       'CURRENT_TIMESTAMP'),
                        'personal_record.exercise_id': ('uuid', 'NOT NULL', None),
                        'personal_record.exercise_session_id': ('uuid', 'NOT NULL', None),
                        'personal_record.id': ('uuid', 'NOT NULL', 'gen_random_uuid()'),
                        'personal_record.record_type': ('record_type_enum',
                                                        'NOT NULL',
                                                        None),
                        'personal_record.unit': ('character varying(10)', 'NULL', None),
                        'personal_record.updated_at': ('timestamp with time zone',
                                                       'NOT NULL',
                                                       'CURRENT_TIMESTAMP'),
                        'personal_record.user_id': ('uuid', 'NOT NULL', None),
                        'personal_record.value': ('numeric(10,2)', 'NOT NULL', None),
                        'user.bar_weight_kg': ('numeric(5,2)', 'NULL', None),
                        'user.created_at': ('timestamp with time zone',
                                            'NOT NULL',
                                            'CURRENT_TIMESTAMP'),
                        'user.default_rest_seconds': ('integer', 'NULL', None),
                        'user.email': ('character varying(255)', 'NOT NULL', None),
                        'user.id': ('uuid', 'NOT NULL', 'gen_random_uuid()'),
                        'user.is_active': ('boolean', 'NOT NULL', None),
                        'user.is_staff': ('boolean', 'NOT NULL', None),
                        'user.is_superuser': ('boolean', 'NOT NULL', None),
                        'user.last_login': ('timestamp with time zone', 'NULL', None),
                        'user.password_hash': ('character varying(255)', 'NOT NULL', None),
                        'user.plates_kg': ('numeric(5,2)[]', 'NULL', None),
                        'user.time_zone': ('character varying(64)', 'NULL', None),
                        'user.unit_system': ('unit_system_enum',
                                             'NOT NULL',
                                             "'metric'::unit_system_enum"),
                        'user.updated_at': ('timestamp with time zone',
                                            'NOT NULL',
                                            'CURRENT_TIMESTAMP'),
                        'user_equipment.created_at': ('timestamp with time zone',
                                                      'NOT NULL',
                                                      'CURRENT_TIMESTAMP'),
                        'user_equipment.deleted_at': ('timestamp with time zone',
                                                      'NULL',
                                                      None),
                        'user_equipment.equipment_id': ('uuid', 'NOT NULL', None),
                        'user_equipment.user_id': ('uuid', 'NOT NULL', None),
                        'workout_exercise.confidence_level': ('confidence_level_enum',
                                                              'NOT NULL',
                                                              "'medium'::confidence_level_enum"),
                        'workout_exercise.created_at': ('timestamp with time zone',
                                                        'NOT NULL',
                                                        'CURRENT_TIMESTAMP'),
                        'workout_exercise.exercise_id': ('uuid', 'NOT NULL', None),
                        'workout_exercise.id': ('uuid', 'NOT NULL', 'gen_random_uuid()'),
                        'workout_exercise.notes': ('text', 'NULL', None),
                        'workout_exercise.reps_max': ('integer', 'NOT NULL', None),
                        'workout_exercise.reps_min': ('integer', 'NOT NULL', None),
                        'workout_exercise.rest_time_seconds': ('integer', 'NULL', None),
                        'workout_exercise.sequence': ('integer', 'NOT NULL', None),
                        'workout_exercise.sets': ('integer', 'NOT NULL', None),
                        'workout_exercise.superset': ('character varying(20)',
                                                      'NULL',
                                                      None),
                        'workout_exercise.updated_at': ('timestamp with time zone',
                                                        'NOT NULL',
                                                        'CURRENT_TIMESTAMP'),
                        'workout_exercise.workout_plan_id': ('uuid', 'NOT NULL', None),
                        'workout_import_log.confidence_scores': ('jsonb', 'NULL', None),
                        'workout_import_log.created_at': ('timestamp with time zone',
                                                          'NOT NULL',
                                                          'CURRENT_TIMESTAMP'),
                        'workout_import_log.id': ('uuid', 'NOT NULL', 'gen_random_uuid()'),
                        'workout_import_log.parsed_exercises': ('jsonb', 'NULL', None),
                        'workout_import_log.raw_text': ('text', 'NOT NULL', None),
                        'workout_import_log.user_id': ('uuid', 'NOT NULL', None),
                        'workout_import_log.workout_plan_id': ('uuid', 'NULL', None),
                        'workout_plan.created_at': ('timestamp with time zone',
                                                    'NOT NULL',
                                                    'CURRENT_TIMESTAMP'),
                        'workout_plan.deleted_at': ('timestamp with time zone',
                                                    'NULL',
                                                    None),
                        'workout_plan.description': ('text', 'NULL', None),
                        'workout_plan.id': ('uuid', 'NOT NULL', 'gen_random_uuid()'),
                        'workout_plan.kind': ('character varying(10)', 'NULL', None),
                        'workout_plan.name': ('character varying(255)', 'NOT NULL', None),
                        'workout_plan.source_plan_id': ('uuid', 'NULL', None),
                        'workout_plan.updated_at': ('timestamp with time zone',
                                                    'NOT NULL',
                                                    'CURRENT_TIMESTAMP'),
                        'workout_plan.user_id': ('uuid', 'NOT NULL', None),
                        'workout_session.created_at': ('timestamp with time zone',
                                                       'NOT NULL',
                                                       'CURRENT_TIMESTAMP'),
                        'workout_session.deleted_at': ('timestamp with time zone',
                                                       'NULL',
                                                       None),
                        'workout_session.id': ('uuid', 'NOT NULL', 'gen_random_uuid()'),
                        'workout_session.notes': ('text', 'NULL', None),
                        'workout_session.status': ('session_status_enum',
                                                   'NOT NULL',
                                                   "'in_progress'::session_status_enum"),
                        'workout_session.substitutions': ('jsonb', 'NULL', None),
                        'workout_session.updated_at': ('timestamp with time zone',
                                                       'NOT NULL',
                                                       'CURRENT_TIMESTAMP'),
                        'workout_session.user_id': ('uuid', 'NOT NULL', None),
                        'workout_session.workout_plan_id': ('uuid', 'NOT NULL', None)},
            'constraints': {'equipment': ['p: PRIMARY KEY (id)', 'u: UNIQUE (name)'],
                            'exercise': ['f: FOREIGN KEY (added_by_id) REFERENCES '
                                         '"user"(id)',
                                         'p: PRIMARY KEY (id)',
                                         'u: UNIQUE (name)'],
                            'exercise_equipment': ['f: FOREIGN KEY (equipment_id) '
                                                   'REFERENCES equipment(id)',
                                                   'f: FOREIGN KEY (exercise_id) '
                                                   'REFERENCES exercise(id)',
                                                   'p: PRIMARY KEY (exercise_id, '
                                                   'equipment_id)'],
                            'exercise_session': ['c: CHECK ((((rpe >= (6)::numeric) AND '
                                                 '(rpe <= (10)::numeric)) OR (rpe IS '
                                                 'NULL)))',
                                                 'c: CHECK ((((set_type)::text = ANY '
                                                 "((ARRAY['normal'::character varying, "
                                                 "'warmup'::character varying, "
                                                 "'drop'::character varying, "
                                                 "'failure'::character "
                                                 'varying])::text[])) OR (set_type IS '
                                                 'NULL)))',
                                                 'f: FOREIGN KEY (exercise_id) REFERENCES '
                                                 'exercise(id)',
                                                 'f: FOREIGN KEY (workout_session_id) '
                                                 'REFERENCES workout_session(id)',
                                                 'p: PRIMARY KEY (id)'],
                            'personal_record': ['f: FOREIGN KEY (exercise_id) REFERENCES '
                                                'exercise(id)',
                                                'f: FOREIGN KEY (exercise_session_id) '
                                                'REFERENCES exercise_session(id)',
                                                'f: FOREIGN KEY (user_id) REFERENCES '
                                                '"user"(id)',
                                                'p: PRIMARY KEY (id)',
                                                'u: UNIQUE (user_id, exercise_id, '
                                                'record_type)'],
                            'user': ['c: CHECK ((default_rest_seconds >= 0))',
                                     'p: PRIMARY KEY (id)',
                                     'u: UNIQUE (email)'],
                            'user_equipment': ['f: FOREIGN KEY (equipment_id) REFERENCES '
                                               'equipment(id)',
                                               'f: FOREIGN KEY (user_id) REFERENCES '
                                               '"user"(id)',
                                               'p: PRIMARY KEY (user_id, equipment_id)'],
                            'workout_exercise': ['f: FOREIGN KEY (exercise_id) REFERENCES '
                                                 'exercise(id)',
                                                 'f: FOREIGN KEY (workout_plan_id) '
                                                 'REFERENCES workout_plan(id)',
                                                 'p: PRIMARY KEY (id)',
                                                 'u: UNIQUE (workout_plan_id, sequence)'],
                            'workout_import_log': ['f: FOREIGN KEY (user_id) REFERENCES '
                                                   '"user"(id)',
                                                   'f: FOREIGN KEY (workout_plan_id) '
                                                   'REFERENCES workout_plan(id)',
                                                   'p: PRIMARY KEY (id)'],
                            'workout_plan': ['f: FOREIGN KEY (source_plan_id) REFERENCES '
                                             'workout_plan(id)',
                                             'f: FOREIGN KEY (user_id) REFERENCES '
                                             '"user"(id)',
                                             'p: PRIMARY KEY (id)'],
                            'workout_session': ['f: FOREIGN KEY (user_id) REFERENCES '
                                                '"user"(id)',
                                                'f: FOREIGN KEY (workout_plan_id) '
                                                'REFERENCES workout_plan(id)',
                                                'p: PRIMARY KEY (id)']},
            'enums': {'confidence_level_enum': ['high', 'medium', 'low'],
                      'muscle_group_enum': ['chest',
                                            'back',
                                            'shoulders',
                                            'biceps',
                                            'triceps',
                                            'forearms',
                                            'legs',
                                            'glutes',
                                            'core',
                                            'traps',
                                            'lats'],
                      'record_type_enum': ['1rm', 'set_volume', 'total_volume'],
                      'session_status_enum': ['in_progress', 'completed', 'abandoned'],
                      'unit_system_enum': ['metric', 'imperial']},
            'indexes': {'idx_equipment_name': 'CREATE INDEX idx_equipment_name ON '
                                              'equipment USING btree (name)',
                        'idx_exercise_equipment_equipment_id': 'CREATE INDEX '
                                                               'idx_exercise_equipment_equipment_id '
                                                               'ON exercise_equipment '
                                                               'USING btree '
                                                               '(equipment_id)',
                        'idx_exercise_name': 'CREATE INDEX idx_exercise_name ON exercise '
                                             'USING btree (name)',
                        'idx_exercise_primary_muscle_groups': 'CREATE INDEX '
                                                              'idx_exercise_primary_muscle_groups '
                                                              'ON exercise USING gin '
                                                              '(primary_muscle_groups)',
                        'idx_exercise_review_pending': 'CREATE INDEX '
                                                       'idx_exercise_review_pending ON '
                                                       'exercise USING btree '
                                                       '(review_status) WHERE '
                                                       '((review_status)::text = '
                                                       "'pending'::text)",
                        'idx_exercise_secondary_muscle_groups': 'CREATE INDEX '
                                                                'idx_exercise_secondary_muscle_groups '
                                                                'ON exercise USING gin '
                                                                '(secondary_muscle_groups)',
                        'idx_exercise_session_exercise_history': 'CREATE INDEX '
                                                                 'idx_exercise_session_exercise_history '
                                                                 'ON exercise_session '
                                                                 'USING btree (exercise_id, '
                                                                 'workout_session_id) INCLUDE '
                                                                 '(weight, reps, set_type, '
                                                                 'created_at)',
                        'idx_exercise_session_exercise_id': 'CREATE INDEX '
                                                            'idx_exercise_session_exercise_id '
                                                            'ON exercise_session USING '
                                                            'btree (exercise_id)',
                        'idx_exercise_session_user_exercise': 'CREATE INDEX '
                                                              'idx_exercise_session_user_exercise '
                                                              'ON exercise_session USING '
                                                              'btree (workout_session_id, '
                                                              'exercise_id)',
                        'idx_exercise_session_workout_session_id': 'CREATE INDEX '
                                                                   'idx_exercise_session_workout_session_id '
                                                                   'ON exercise_session '
                                                                   'USING btree '
                                                                   '(workout_session_id)',
                        'idx_personal_record_achieved_at': 'CREATE INDEX '
                                                           'idx_personal_record_achieved_at '
                                                           'ON personal_record USING '
                                                           'btree (user_id, achieved_at '
                                                           'DESC)',
                        'idx_personal_record_user_exercise': 'CREATE INDEX '
                                                             'idx_personal_record_user_exercise '
                                                             'ON personal_record USING '
                                                             'btree (user_id, '
                                                             'exercise_id)',
                        'idx_personal_record_user_id': 'CREATE INDEX '
                                                       'idx_personal_record_user_id ON '
                                                       'personal_record USING btree '
                                                       '(user_id)',
                        'idx_user_email': 'CREATE INDEX idx_user_email ON "user" USING '
                                          'btree (email)',
                        'idx_user_equipment_equipment_id': 'CREATE INDEX '
                                                           'idx_user_equipment_equipment_id '
                                                           'ON user_equipment USING btree '
                                                           '(equipment_id)',
                        'idx_user_equipment_user_id': 'CREATE INDEX '
                                                      'idx_user_equipment_user_id ON '
                                                      'user_equipment USING btree '
                                                      '(user_id) WHERE (deleted_at IS '
                                                      'NULL)',
                        'idx_workout_exercise_exercise_id': 'CREATE INDEX '
                                                            'idx_workout_exercise_exercise_id '
                                                            'ON workout_exercise USING '
                                                            'btree (exercise_id)',
                        'idx_workout_exercise_sequence': 'CREATE INDEX '
                                                         'idx_workout_exercise_sequence '
                                                         'ON workout_exercise USING btree '
                                                         '(workout_plan_id, sequence)',
                        'idx_workout_exercise_workout_plan_id': 'CREATE INDEX '
                                                                'idx_workout_exercise_workout_plan_id '
                                                                'ON workout_exercise '
                                                                'USING btree '
                                                                '(workout_plan_id)',
                        'idx_workout_import_log_created_at': 'CREATE INDEX '
                                                             'idx_workout_import_log_created_at '
                                                             'ON workout_import_log USING '
                                                             'btree (user_id, created_at '
                                                             'DESC)',
                        'idx_workout_import_log_user_id': 'CREATE INDEX '
                                                          'idx_workout_import_log_user_id '
                                                          'ON workout_import_log USING '
                                                          'btree (user_id)',
                        'idx_workout_import_log_workout_plan_id': 'CREATE INDEX '
                                                                  'idx_workout_import_log_workout_plan_id '
                                                                  'ON workout_import_log '
                                                                  'USING btree '
                                                                  '(workout_plan_id)',
                        'idx_workout_plan_created_at': 'CREATE INDEX '
                                                       'idx_workout_plan_created_at ON '
                                                       'workout_plan USING btree '
                                                       '(user_id, created_at DESC)',
                        'idx_workout_plan_name': 'CREATE INDEX idx_workout_plan_name ON '
                                                 'workout_plan USING btree (user_id, '
                                                 'name) WHERE (deleted_at IS NULL)',
                        'idx_workout_plan_source_plan_id': 'CREATE INDEX '
                                                           'idx_workout_plan_source_plan_id '
                                                           'ON workout_plan USING btree '
                                                           '(source_plan_id) WHERE '
                                                           '(source_plan_id IS NOT NULL)',
                        'idx_workout_plan_user_id': 'CREATE INDEX '
                                                    'idx_workout_plan_user_id ON '
                                                    'workout_plan USING btree (user_id) '
                                                    'WHERE (deleted_at IS NULL)',
                        'idx_workout_session_user_created': 'CREATE INDEX '
                                                            'idx_workout_session_user_created '
                                                            'ON workout_session USING '
                                                            'btree (user_id, created_at '
                                                            'DESC) WHERE (deleted_at IS '
                                                            'NULL)',
                        'idx_workout_session_user_id': 'CREATE INDEX '
                                                       'idx_workout_session_user_id ON '
                                                       'workout_session USING btree '
                                                       '(user_id) WHERE (deleted_at IS '
                                                       'NULL)',
                        'idx_workout_session_user_id_all': 'CREATE INDEX '
                                                           'idx_workout_session_user_id_all '
                                                           'ON workout_session USING '
                                                           'btree (user_id, id)',
                        'idx_workout_session_user_status_created': 'CREATE INDEX '
                                                                   'idx_workout_session_user_status_created '
                                                                   'ON workout_session '
                                                                   'USING btree (user_id, '
                                                                   'status, created_at '
                                                                   'DESC) WHERE '
                                                                   '(deleted_at IS NULL)',
                        'idx_workout_session_workout_plan_id': 'CREATE INDEX '
                                                               'idx_workout_session_workout_plan_id '
                                                               'ON workout_session USING '
                                                               'btree (workout_plan_id)'},
            'policies': {'exercise_session.exercise_session_user_isolation': ('ALL',
                                                                              'PERMISSIVE',
                                                                              '(EXISTS ( '
                                                                              'SELECT 1 '
                                                                              'FROM '
                                                                              'workout_session '
                                                                              'ws WHERE '
                                                                              '((ws.id = '
                                                                              'exercise_session.workout_session_id) '
                                                                              'AND '
                                                                              '(ws.user_id '
                                                                              '= '
                                                                              'current_user_id()))))',
                                                                              '(EXISTS ( '
                                                                              'SELECT 1 '
                                                                              'FROM '
                                                                              'workout_session '
                                                                              'ws WHERE '
                                                                              '((ws.id = '
                                                                              'exercise_session.workout_session_id) '
                                                                              'AND '
                                                                              '(ws.user_id '
                                                                              '= '
                                                                              'current_user_id()))))'),
                         'personal_record.personal_record_user_isolation': ('ALL',
                                                                            'PERMISSIVE',
                                                                            '(user_id = '
                                                                            'current_user_id())',
                                                                            '(user_id = '
                                                                            'current_user_id())'),
                         'user_equipment.user_equipment_user_isolation': ('ALL',
                                                                          'PERMISSIVE',
                                                                          '(user_id = '
                                                                          'current_user_id())',
                                                                          '(user_id = '
                                                                          'current_user_id())'),
                         'workout_exercise.workout_exercise_user_isolation': ('ALL',
                                                                              'PERMISSIVE',
                                                                              '(EXISTS ( '
                                                                              'SELECT 1 '
                                                                              'FROM '
                                                                              'workout_plan '
                                                                              'wp WHERE '
                                                                              '((wp.id = '
                                                                              'workout_exercise.workout_plan_id) '
                                                                              'AND '
                                                                              '(wp.user_id '
                                                                              '= '
                                                                              'current_user_id()))))',
                                                                              '(EXISTS ( '
                                                                              'SELECT 1 '
                                                                              'FROM '
                                                                              'workout_plan '
                                                                              'wp WHERE '
                                                                              '((wp.id = '
                                                                              'workout_exercise.workout_plan_id) '
                                                                              'AND '
                                                                              '(wp.user_id '
                                                                              '= '
                                                                              'current_user_id()))))'),
                         'workout_import_log.workout_import_log_user_isolation': ('ALL',
                                                                                  'PERMISSIVE',
                                                                                  '(user_id '
                                                                                  '= '
                                                                                  'current_user_id())',
                                                                                  '(user_id '
                                                                                  '= '
                                                                                  'current_user_id())'),
                         'workout_plan.workout_plan_user_isolation': ('ALL',
                                                                      'PERMISSIVE',
                                                                      '(user_id = '
                                                                      'current_user_id())',
                                                                      '(user_id = '
                                                                      'current_user_id())'),
                         'workout_session.workout_session_user_isolation': ('ALL',
                                                                            'PERMISSIVE',
                                                                            '(user_id = '
                                                                            'current_user_id())',
                                                                            '(user_id = '
                                                                            'current_user_id())')},
            'rls': {'exercise_session': (True, True),
                    'personal_record': (True, True),
                    'user_equipment': (True, True),
                    'workout_exercise': (True, True),
                    'workout_import_log': (True, True),
                    'workout_plan': (True, True),
                    'workout_session': (True, True)}}
