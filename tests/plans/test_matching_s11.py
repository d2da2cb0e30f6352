"""Matcher fixes of round 11 (issue 9): gym synonyms the vocabulary lacked, implement and
variant words weighed, translations of other languages' exercise words."""

import pytest

from equipment.catalog import seeded_names
from plans.matching import CatalogEntry, matcher_for

SEEDED = tuple(CatalogEntry(id=name, name=name) for name in seeded_names())


def best(name):
    entry, score, _ = matcher_for(SEEDED).match(name)
    return entry.name if entry else None, score


@pytest.mark.parametrize(("name", "exercise"), [
    # the hip sled is the leg press machine
    ("hip sled", "Leg Press"),
    # a bench press with the hands turned is its own exercise, not the barbell bench
    ("reverse-grip bench press", "Reverse Triceps Bench Press"),
    ("underhand bench press", "Reverse Triceps Bench Press"),
    # palms facing: the V-bar pull-up, whether called pull-up or chin-up
    ("neutral-grip pullups", "V-Bar Pullup"),
    ("parallel grip chins", "V-Bar Pullup"),
    ("hammer grip pull-ups", "V-Bar Pullup"),
    # "ab" says where, not which machine
    ("ab crunches", "Crunches"),
    ("abdominal crunch", "Crunches"),
])
def test_gym_synonyms_of_round_11(name, exercise):
    assert best(name)[0] == exercise


def test_some_sets_qualified_heavy_or_working_leave_the_set_count_in_doubt():
    # "2 heavy sets": the warm-ups before them are sets too; the name is sure, the count is not
    from plans.parser import parse_plan

    row = parse_plan("Dumbbell bench press - 3 working sets of 6", SEEDED).exercises[0]
    assert (row.exercise.name, row.sets, row.reps_min) == ("Dumbbell Bench Press", 3, 6)
    assert row.confidence != "high"
    plain = parse_plan("Dumbbell bench press - 3 sets of 6", SEEDED).exercises[0]
    assert plain.confidence == "high"


@pytest.mark.parametrize(("name", "exercise"), [
    # Russian and Ukrainian: the EZ bar's nickname, the preacher bench, the band of an
    # assisted pull-up, the floor press, knee raises on the dip bars, side bends
    ("Бицепс с кривым грифом", "EZ-Bar Curl"),
    ("Бицепс на скамье Скотта", "Preacher Curl"),
    ("Подтягивания с резинкой", "Band Assisted Pull-Up"),
    ("Жим гантелей лёжа на полу", "Dumbbell Floor Press"),
    ("Жим лежа на полу", "Floor Press"),
    ("Подъем ног на брусьях", "Knee/Hip Raise On Parallel Bars"),
    ("Наклоны в стороны с гантелью", "Dumbbell Side Bend"),
    ("Нахили в сторони з гантеллю", "Dumbbell Side Bend"),
    ("Зведення ніг сидячи", "Thigh Adductor"),
    # "хаммер" is Hammer Strength: the plate-loaded lever machine, as in English
    ("Жим в хаммере под углом", "Leverage Incline Chest Press"),
    ("Тяга в хаммере", "Leverage Iso Row"),
])
def test_russian_and_ukrainian_names_of_round_11(name, exercise):
    assert best(name)[0] == exercise


def test_a_machine_press_is_the_machine_chest_press_as_a_machine_chest_press_is():
    assert best("machine press")[0] == best("machine chest press")[0] == "Machine Bench Press"
    assert best("seated machine press")[0] == "Machine Bench Press"
    assert best("Hammer Strength chest press")[0] == "Leverage Chest Press"  # the lever machine stays


@pytest.mark.parametrize(("name", "exercise"), [
    # the muscle said beside the movement adds nothing: the named curl wins over the
    # bare curl, whatever the word order
    ("biceps preacher curl", "Preacher Curl"),
    ("bicep curl preacher", "Preacher Curl"),
    ("biceps spider curls", "Spider Curl"),
])
def test_the_muscle_beside_the_movement_says_nothing_more(name, exercise):
    found, score = best(name)
    assert found == exercise and score < 90  # still a guess: the name as written is none


def test_kneeling_is_a_position_like_seated_and_lying():
    # a kneeling row is not the seated one, a kneeling leg curl not the lying one
    # (its pick is a guess to look at, a cable row among the choices offered)
    entry, score, alternatives = matcher_for(SEEDED).match("kneeling cable row")
    assert score < 75 and any("Cable Row" in e.name for e in [*filter(None, [entry]), *alternatives][:3])
    assert best("kneeling leg curl")[0] != "Lying Leg Curls"
    assert best("kneeling squat")[0] == "Kneeling Squat"  # the catalogue's own kneeling names stay


@pytest.mark.parametrize(("name", "exercise"), [
    # supine is lying on the back: the lying exercise, and the catalogue's supine names stay
    ("supine dumbbell triceps extension", "Lying Dumbbell Tricep Extension"),
    ("Supine Chest Throw", "Supine Chest Throw"),
    ("Lying Supine Dumbbell Curl", "Lying Supine Dumbbell Curl"),
    # the overhead extension sitting is the catalogue's Seated Triceps Press
    ("seated overhead triceps extensions", "Seated Triceps Press"),
    ("Extension nuque assis", "Seated Triceps Press"),
])
def test_positions_said_in_other_words(name, exercise):
    assert best(name)[0] == exercise


@pytest.mark.parametrize(("name", "exercise"), [
    # Italian: "su panca" is where the exercise is done, not the bench press ("panca" alone)
    ("Reverse crunch su panca", "Reverse Crunch"),
    ("crunch sulla panca", "Crunches"),
    ("panca", "Barbell Bench Press - Medium Grip"),
    # French: a press on the floor is the floor press
    ("développé couché au sol", "Floor Press"),
    ("développé au sol avec haltères", "Dumbbell Floor Press"),
    # Spanish and English: the palms-up pulldown
    ("Jalón al pecho agarre supino", "Underhand Cable Pulldowns"),
    ("reverse grip lat pulldowns", "Underhand Cable Pulldowns"),
    ("supinated pulldown", "Underhand Cable Pulldowns"),
    # narrow is close: grip or stance
    ("DB narrow press", "Close-Grip Dumbbell Press"),
    ("narrow grip bench press", "Close-Grip Barbell Bench Press"),
    ("narrow stance squats", "Narrow Stance Squats"),
])
def test_where_and_how_words_of_round_11(name, exercise):
    assert best(name)[0] == exercise


def test_on_the_floor_is_where_most_exercises_are_done():
    # "au sol" says nothing more of a crunch, a push-up or a plank (it was read as the
    # floor variant: 'Crunch au sol' became the oblique crunch on the floor)
    assert best("Crunch au sol") == ("Crunches", 100)
    assert best("Pompes au sol") == ("Pushups", 100)
    # a triceps extension on the floor is done lying
    assert best("Extensions triceps au sol")[0] == "Lying Triceps Press"


@pytest.mark.parametrize(("name", "exercise"), [
    # Italian: the press on the bench is the bench press ("su panca" erased left no name)
    ("Distensioni su panca 4x8", "Barbell Bench Press - Medium Grip"),
    ("Distensioni su panca inclinata", "Barbell Incline Bench Press - Medium Grip"),
    # the biceps of the thigh is the hamstring: a leg curl, not a biceps curl
    ("бицепс бедра", "Lying Leg Curls"),
    ("біцепс стегна", "Lying Leg Curls"),
    # on the bar is where the exercise hangs, not a pull-up
    ("Подъем ног на перекладине", "Hanging Leg Raise"),
    ("Підйом ніг на турніку", "Hanging Leg Raise"),
    ("Подтягивания на перекладине", "Pullups"),
    # a supine grip is palms up, not lying down
    ("supine grip row", "Bent Over Barbell Row"),
    ("reverse EZ bar curl", "Reverse Barbell Curl"),
])
def test_words_that_said_another_exercise(name, exercise):
    assert best(name)[0] == exercise


def test_a_dead_hang_on_the_bar_is_no_pull_up():
    assert best("Вис на перекладине")[0] != "Pullups"


@pytest.mark.parametrize(("name", "exercise"), [
    # both legs raised lying down: the lying leg raise, not the catalogue's Leg Lift
    ("double leg raises", "Lying Leg Raise"),
    ("double-leg lifts", "Lying Leg Raise"),
    # the rear foot on a bench: the Bulgarian split squat, however it is called
    ("rear-foot elevated split squats", "Bulgarian Split Squat"),
    ("Lunges, rear foot elevated", "Bulgarian Split Squat"),
    ("RFESS", "Bulgarian Split Squat"),
    # the cable machine is the cable, not a lever machine
    ("pulley machine row", "Seated Cable Rows"),
    ("cable machine crunches", "Cable Crunch"),
    # the scapula pulled down hanging from the bar
    ("scap pull-ups", "Scapular Pull-Up"),
    ("hanging scapular retractions", "Scapular Pull-Up"),
])
def test_names_of_round_11_for_catalogue_exercises(name, exercise):
    assert best(name)[0] == exercise


def test_cardio_with_a_word_before_it_is_still_no_exercise():
    assert best("incline cardio")[0] is None  # not the incline curl
    assert best("cardio")[0] is None


@pytest.mark.parametrize(("name", "exercise"), [
    # a curl on the cable rope is the rope hammer curl, in English and in German
    ("rope curls", "Cable Hammer Curls - Rope Attachment"),
    ("cable rope bicep curl", "Cable Hammer Curls - Rope Attachment"),
    ("Bizepscurls am Kabelzug mit Seil", "Cable Hammer Curls - Rope Attachment"),
    # a split squat in the Smith machine (German: Multipresse)
    ("Smith machine split squats", "Smith Single-Leg Split Squat"),
    ("bulgarische Kniebeugen an der Multipresse", "Smith Single-Leg Split Squat"),
    # palms down on a curl: the reverse curl, typo and all
    ("over hand barbell curls", "Reverse Barbell Curl"),
    ("overhand grip barbel curl", "Reverse Barbell Curl"),
    # Russian: the hammer curl standing, "at once" says nothing; a press "from the chest"
    # seated is the seated military press
    ("Молот стоя", "Hammer Curls"),
    ("Молот сидя одновременно", "Hammer Curls"),
    ("Жим штанги от груди сидя", "Seated Barbell Military Press"),
])
def test_more_names_of_round_11(name, exercise):
    assert best(name)[0] == exercise


def test_plates_said_as_the_load_leave_the_lift_alone():
    # "Deadlift 3 plates": the plates are the load (a plate implement made it Snatch Deadlift)
    assert best("deadlift plates")[0] == "Barbell Deadlift"
    assert best("bench plates")[0] == "Barbell Bench Press - Medium Grip"


@pytest.mark.parametrize(("name", "exercise"), [
    # Russian names the muscle for the machine: the adductors, the outer thigh
    ("приводящие мышцы бедра", "Thigh Adductor"),
    ("отводящие мышцы бедра", "Thigh Abductor"),
    ("внешняя сторона бедра", "Thigh Abductor"),
    ("outer thigh", "Thigh Abductor"),
    # Polish gym slang: "allachy" (the kneeling cable crunch), "jaskółka" (the swallow)
    ("Allachy", "Cable Crunch"),
    ("jaskółka", "Single-Leg Romanian Deadlift"),
])
def test_muscle_names_and_slang_of_round_11(name, exercise):
    assert best(name)[0] == exercise


@pytest.mark.parametrize(("name", "exercise"), [
    # an EZ bar is a barbell: the barbell exercise where the catalogue has no EZ-bar one
    ("EZ bar upright rows", "Upright Barbell Row"),
    ("EZ-bar bent over rows", "Bent Over Barbell Row"),
    ("EZ bar incline bench press", "Barbell Incline Bench Press - Medium Grip"),  # the barbell names keep their order
    # ... but a name holding the EZ bar said, or the variant said, wins
    ("EZ bar curls", "EZ-Bar Curl"),
    ("curl biceps avec barre EZ", "EZ-Bar Curl"),
    ("EZ bar preacher curl", "Preacher Curl"),
    ("EZ bar close grip bench press", "Close-Grip EZ-Bar Press"),
])
def test_an_ez_bar_name_finds_the_barbell_exercise_as_a_guess(name, exercise):
    found, score = best(name)
    assert found == exercise
    if "EZ" not in exercise and exercise != "Preacher Curl":
        assert score < 75  # a guess: the parser's low


@pytest.mark.parametrize(("name", "exercise"), [
    # the cable crunch is done kneeling: saying so is no other exercise
    ("kneeling cable crunches", "Cable Crunch"),
    ("kneeling rope crunch", "Cable Crunch"),
    # Russian and Ukrainian: on the knees, at the cable
    ("Скручивания на коленях у троса", "Cable Crunch"),
    ("Скручування на колінах з тросом", "Cable Crunch"),
])
def test_the_kneeling_cable_crunch_is_the_cable_crunch(name, exercise):
    assert best(name)[0] == exercise


def test_the_muscle_says_nothing_more_only_beside_its_movement():
    # "tricep skull crushers": the muscle of that movement; "biceps bench" is no bench
    # press said with a word to spare
    assert best("tricep skull crushers")[0] == "EZ-Bar Skullcrusher"
    found, score = best("biceps dumbbell bench")
    assert score < 75, found


@pytest.mark.parametrize(("name", "exercise"), [
    # Russian: the dumbbells pressed together; a crunch holding a dumbbell or a plate
    ("Жим гантелей вместе лёжа", "Close-Grip Dumbbell Press"),
    ("Скручивания с гантелей", "Weighted Crunches"),
    ("Скручування з млинцем", "Weighted Crunches"),
    # Portuguese: the glute machine is the kickback
    ("Glúteo na máquina", "Glute Kickback"),
    # a pullover at the cable with the rope
    ("cable rope pullovers", "Rope Straight-Arm Pulldown"),
])
def test_translated_names_of_round_11(name, exercise):
    assert best(name)[0] == exercise


@pytest.mark.parametrize(("name", "exercise"), [
    # the rope curl aliases must not crowd out the other cable curls' candidates
    ("cable bicep curl", "Standing Biceps Cable Curl"),
    ("cable leg curl", "Lying Leg Curls"),
])
def test_the_rope_curl_leaves_the_other_cable_curls_alone(name, exercise):
    assert best(name)[0] == exercise
