"""The Chinese vocabulary (plans/data/vocabulary/zh.json) and the reading of Chinese plan
lines: names written with no spaces are cut into the vocabulary's words and find the
catalogue exercise, in simplified and traditional characters; set, rep and rest words
with digits or Chinese numerals are read; numbered days and weekdays start a workout;
Chinese prose gives no row."""

import pytest

from plans.matching import has_cjk, normalise_name, segment_cjk, vocabulary
from plans.parser import _cjk_number, _normalise_line, parse_plan
from tests.plans.test_matching import CATALOG, SEEDED, best


@pytest.mark.parametrize(("name", "exercise"), [
    ("杠铃卧推", "Barbell Bench Press - Medium Grip"),
    ("平板哑铃卧推", "Dumbbell Bench Press"),
    ("上斜哑铃卧推", "Incline Dumbbell Press"),
    ("下斜杠铃卧推", "Decline Barbell Bench Press"),
    ("窄握卧推", "Close-Grip Barbell Bench Press"),
    ("上斜哑铃飞鸟", "Incline Dumbbell Flyes"),
    ("龙门架夹胸", "Cable Crossover"),
    ("蝴蝶机夹胸", "Butterfly"),
    ("俯卧撑", "Pushups"),
    ("杠铃深蹲", "Barbell Squat"),
    ("史密斯深蹲", "Smith Machine Squat"),
    ("高脚杯深蹲", "Goblet Squat"),
    ("保加利亚分腿蹲", "Bulgarian Split Squat"),
    ("罗马尼亚硬拉", "Romanian Deadlift"),
    ("相扑硬拉", "Sumo Deadlift"),
    ("引体向上", "Pullups"),
    ("反手引体向上", "Chin-Up"),
    ("高位下拉", "Wide-Grip Lat Pulldown"),
    ("杠铃俯身划船", "Bent Over Barbell Row"),
    ("单臂哑铃划船", "One-Arm Dumbbell Row"),
    ("坐姿绳索划船", "Seated Cable Rows"),
    ("T杠划船", "T-Bar Row with Handle"),
    ("绳索面拉", "Face Pull"),
    ("山羊挺身", "Hyperextensions (Back Extensions)"),
    ("坐姿哑铃推举", "Seated Dumbbell Press"),
    ("阿诺德推举", "Arnold Dumbbell Press"),
    ("哑铃侧平举", "Side Lateral Raise"),
    ("俯身侧平举", "Reverse Flyes"),
    ("哑铃耸肩", "Dumbbell Shrug"),
    ("杠铃弯举", "Barbell Curl"),
    ("锤式弯举", "Hammer Curls"),
    ("牧师凳弯举", "Preacher Curl"),
    ("绳索三头下压", "Triceps Pushdown"),
    ("仰卧臂屈伸", "Lying Triceps Press"),
    ("双杠臂屈伸", "Dips - Triceps Version"),
    ("腿举", "Leg Press"),
    ("坐姿腿屈伸", "Leg Extensions"),
    ("俯卧腿弯举", "Lying Leg Curls"),
    ("站姿提踵", "Standing Calf Raises"),
    ("杠铃臀推", "Barbell Hip Thrust"),
    ("哑铃弓步蹲", "Dumbbell Lunges"),
    ("卷腹", "Crunches"),
    ("平板支撑", "Plank"),
    ("悬垂举腿", "Hanging Leg Raise"),
    ("俄罗斯转体", "Russian Twist"),
    ("俯立杠铃划船", "Bent Over Barbell Row"),
    ("负重躬身", "Good Morning"),
    ("器械推肩", "Machine Shoulder (Military) Press"),
    ("坐姿小腿提踵", "Seated Calf Raise"),
    ("农夫走", "Farmer's Walk"),
])
def test_simplified_names_find_the_exercise(name, exercise):
    assert best(name, SEEDED)[0] == exercise


@pytest.mark.parametrize(("name", "exercise"), [
    ("槓鈴臥推", "Barbell Bench Press - Medium Grip"),   # the simplified words, traditional characters
    ("啞鈴側平舉", "Side Lateral Raise"),
    ("羅馬尼亞硬舉", "Romanian Deadlift"),               # 硬舉: Taiwan's deadlift
    ("伏地挺身", "Pushups"),                             # Taiwan's push-up
    ("滑輪下拉", "Wide-Grip Lat Pulldown"),
    ("腿後勾", "Lying Leg Curls"),
    ("雙槓撐體", "Dips - Triceps Version"),
    ("捲腹", "Crunches"),
    ("棒式", "Plank"),
])
def test_traditional_names_find_the_exercise(name, exercise):
    assert best(name, SEEDED)[0] == exercise


def test_a_name_is_cut_into_the_longest_words_and_unknown_characters_stay_together():
    vocab = vocabulary()
    assert segment_cjk("杠铃上斜卧推", vocab).split() == ["杠铃", "上斜", "卧推"]
    assert segment_cjk("平板支撑", vocab).split() == ["平板支撑"]  # the plank, not "flat" + "撑"
    assert segment_cjk("慢速跑步", vocab).split() == ["慢速", "跑步"]
    assert segment_cjk("慢速跑步", vocab, apart=True).split() == ["慢", "速", "跑步"]
    assert normalise_name("哑铃 上斜 卧推") == normalise_name("哑铃上斜卧推") == "dumbbell incline bench press"


def test_text_without_chinese_is_left_alone():
    assert not has_cjk("Bench press 3x8") and not has_cjk("Жим лёжа 3х8")
    assert has_cjk("卧推 3x8") and has_cjk("臥推")


@pytest.mark.parametrize("name", ["跑步机", "椭圆机", "动感单车", "跳绳"])
def test_cardio_machines_are_no_exercise(name):
    assert best(name, SEEDED)[0] is None


@pytest.mark.parametrize(("numeral", "digits"), [("三", "3"), ("十", "10"), ("十二", "12"), ("二十", "20"),
                                                  ("两", "2"), ("二十五", "25")])
def test_chinese_numerals_become_digits(numeral, digits):
    assert _cjk_number(numeral) == digits


@pytest.mark.parametrize(("line", "sets", "reps", "rest"), [
    ("杠铃卧推 5组5次", (5, 5, 5), None, None),
    ("哑铃卧推4组10次", (4, 10, 10), None, None),
    ("上斜哑铃卧推 四组十二次", (4, 12, 12), None, None),
    ("高位下拉 两组 每组15个", (2, 15, 15), None, None),
    ("深蹲 4组x8", (4, 8, 8), None, None),
    ("腿举 3组 8~12次", (3, 8, 12), None, None),
    ("腿弯举 3组 10到15次", (3, 10, 15), None, None),
    ("坐姿划船 3组12次 组间休息90秒", (3, 12, 12), None, 90),
    ("侧平举 3×15，休息1分钟", (3, 15, 15), None, 60),
    ("硬拉（５组×３次）", (5, 3, 3), None, None),
    ("高位下拉 4组 10-12次 休息1分30秒", (4, 10, 12), None, 90),
    ("槓鈴臥推 4組 每組10下 組間休息2分鐘", (4, 10, 10), None, 120),  # traditional characters
])
def test_set_rep_and_rest_words_are_read(line, sets, reps, rest):
    exercise, = parse_plan(line, list(SEEDED)).exercises
    assert (exercise.sets, exercise.reps_min, exercise.reps_max) == sets
    assert exercise.rest_seconds == rest


@pytest.mark.parametrize("line", ["双杠臂屈伸 3组力竭", "双杠臂屈伸：三组，每组尽力"])
def test_to_failure_is_amrap(line):
    exercise, = parse_plan(line, list(SEEDED)).exercises
    assert (exercise.exercise.name, exercise.sets, exercise.amrap) == ("Dips - Triceps Version", 3, True)


def test_sets_written_in_words_before_a_load():
    exercise, = parse_plan("哑铃推举四组（12kg）", list(SEEDED)).exercises
    assert (exercise.exercise.name, exercise.sets) == ("Dumbbell Shoulder Press", 4)


@pytest.mark.parametrize(("text", "days"), [
    ("第一天\n杠铃卧推 4x8\n第二天\n引体向上 3x10", ["第一天", "第二天"]),
    ("第1天：胸+三头\n杠铃卧推 4x8\n第2天：背\n引体向上 3x10", ["第1天：胸+三头", "第2天：背"]),
    ("周一\n杠铃卧推 4x8\n周四\n引体向上 3x10", ["周一", "周四"]),
    ("星期二：腿\n深蹲 5x5\n星期五：肩\n哑铃推举 3x10", ["星期二：腿", "星期五：肩"]),
    ("訓練日1\n槓鈴臥推 4x8\n訓練日2\n引體向上 3x10", ["訓練日1", "訓練日2"]),
    ("週二：胸\n槓鈴臥推 4x8\n週五：背\n引體向上 3x10", ["週二：胸", "週五：背"]),
])
def test_day_and_weekday_words_start_a_workout(text, days):
    result = parse_plan(text, list(CATALOG))
    assert [w.name for w in result.workouts] == days
    assert [len(w.exercises) for w in result.workouts] == [1, 1]


def test_months_and_weeks_count_no_reps():
    assert "reps" not in _normalise_line("练了3个月") and "reps" not in _normalise_line("两个星期")


def test_a_chinese_sentence_with_numbers_is_no_exercise():
    text = "这个计划我练了三个月，卧推从60公斤涨到了80公斤，感觉效果还不错。\n杠铃卧推 5x5"
    result = parse_plan(text, list(SEEDED))
    assert [e.exercise.name for e in result.exercises] == ["Barbell Bench Press - Medium Grip"]


def test_a_small_chinese_plan():
    text = """# 增肌计划（四分化）

## 第1天 胸+三头
1. 杠铃平板卧推 4组×8次
2. 上斜哑铃卧推 3组10-12次
3. 龙门架夹胸 3组15个
4. 绳索三头下压 3组12次，组间休息60秒

## 第2天 背+二头
1. 引体向上 4组 力竭
2. 杠铃俯身划船 4组8次
3. 锤式弯举 3组12次
"""
    result = parse_plan(text, list(SEEDED))
    rows = [(w.name, e.exercise.name, e.sets, e.reps_min, e.reps_max, e.amrap, e.rest_seconds)
            for w in result.workouts for e in w.exercises]
    assert rows == [
        ("第1天 胸+三头", "Barbell Bench Press - Medium Grip", 4, 8, 8, False, None),
        ("第1天 胸+三头", "Incline Dumbbell Press", 3, 10, 12, False, None),
        ("第1天 胸+三头", "Cable Crossover", 3, 15, 15, False, None),
        ("第1天 胸+三头", "Triceps Pushdown", 3, 12, 12, False, 60),
        ("第2天 背+二头", "Pullups", 4, None, None, True, None),
        ("第2天 背+二头", "Bent Over Barbell Row", 4, 8, 8, False, None),
        ("第2天 背+二头", "Hammer Curls", 3, 12, 12, False, None),
    ]


def test_a_table_with_a_chinese_header():
    text = "训练动作 | 组数 | 次数 | 休息时间\n哑铃卧推 | 4 | 10-12 | 60秒\n绳索面拉 | 3 | 15 | 45秒"
    rows = [(e.exercise.name, e.sets, e.reps_min, e.reps_max, e.rest_seconds)
            for e in parse_plan(text, list(SEEDED)).exercises]
    assert rows == [("Dumbbell Bench Press", 4, 10, 12, 60), ("Face Pull", 3, 15, 15, 45)]
