"""Chinese and Japanese room words: the data :mod:`floorplan.classify` reads CJK names with.

Chinese and Japanese write no spaces between words, so a room name is one run of
characters ('女卫生间', '教学管理办公室', '計算機室'): the words of this table are found
inside it, the longest first at each place, left to right ('电梯厅', a lift lobby, before
'电梯', a lift). Simplified and traditional Chinese forms and the Japanese ones are listed
where they differ; the kana words (トイレ, キッチン) are Japanese loan words.

Choices, each on the safe side of the rules:

- 卫生间 / 衛生間 (a toilet room in a public building, a bathroom in a Chinese flat, where
  it usually holds the shower) is a WC: read as a bathroom it would meet a bathroom rule
  that a WC alone does not; a WC is reviewed. Words that name a bath or shower
  (浴室, 淋浴间) are bathrooms and shower rooms.
- 和室 and 洋室 (a Japanese- or Western-style room: either may be slept in, lived or
  eaten in) say no use; nor do 房间 / 部屋 (a room).
- A meeting room (会议室), like the English one, stays of unknown use (FP004): a staff
  meeting room in a home is the kind of room FP304 asks about. Classrooms, laboratories
  and lifts are plainly no room of a home (:data:`NOT_HOME_CJK`).

>>> find_cjk("女卫生间", {"卫生间": "wc"})
['wc']
>>> find_cjk("电梯厅", {"电梯": "lift", "电梯厅": "lobby"})
['lobby']
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TypeVar

from floorplan.model import Use

T = TypeVar("T")

#: a run of Han characters, kana and the marks written with them (々 repeats, ー lengthens)
CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u30fc]+")

CJK: dict[Use, tuple[str, ...]] = {
    Use.BEDROOM: (
        "卧室", "臥室", "主卧", "主臥", "次卧", "次臥", "客卧", "儿童房", "兒童房", "老人房",
        "寝室", "寢室", "主寝室", "子供室", "子供部屋", "ベッドルーム",
    ),
    Use.LIVING: (
        "客厅", "客廳", "起居室", "起居厅", "起居廳", "居間", "リビング",
    ),
    Use.DINING: ("餐厅", "餐廳", "饭厅", "飯廳", "食堂", "ダイニング"),
    Use.KITCHEN: ("厨房", "廚房", "台所", "キッチン"),
    Use.BATHROOM: ("浴室", "浴室间", "バスルーム", "風呂", "风呂"),
    Use.SHOWER_ROOM: ("淋浴间", "淋浴間", "淋浴室", "シャワー室", "シャワールーム"),
    Use.WC: (
        "卫生间", "衛生間", "厕所", "廁所", "洗手间", "洗手間", "公厕", "便所", "トイレ",
        "化妆室", "化粧室",
    ),
    Use.UTILITY: ("洗衣房", "洗衣间", "洗衣間", "洗濯室", "ランドリー", "家务间"),
    Use.STORAGE: (
        "储藏室", "儲藏室", "储藏间", "儲藏間", "贮藏室", "貯藏室", "储物间", "儲物間", "储物室",
        "库房", "庫房", "仓库", "倉庫", "材料库", "材料庫", "衣帽间", "衣帽間", "杂物间",
        "雜物間", "物置", "納戸", "収納", "押入", "押入れ", "クローゼット", "倉庫室",
    ),
    Use.OFFICE: ("办公室", "辦公室", "事务室", "事務室", "事務所", "值班室", "管理室"),
    Use.STUDY: ("书房", "書房", "書斎"),
    Use.PLANT: (
        "设备间", "設備間", "设备用房", "设备房", "机房", "機房", "机械室", "機械室", "配电室",
        "配電室", "配电间", "锅炉房", "鍋爐房", "水泵房", "服务器室", "服務器室",
        "弱电间", "強電間", "强电间", "電気室", "ボイラー室",
    ),
    Use.STAIRS: ("楼梯", "樓梯", "楼梯间", "樓梯間", "階段", "阶梯间"),
    Use.CORRIDOR: ("走廊", "走道", "过道", "過道", "廊下", "通道"),
    Use.HALL: (
        "门厅", "門廳", "大厅", "大廳", "大堂", "玄关", "玄關", "玄関", "电梯厅", "電梯廳",
        "前室", "ホール", "エントランス",
    ),
}

#: rooms no home's rules count (see :data:`floorplan.classify.NOT_HOME`): lifts, garages,
#: classrooms and laboratories, named so
NOT_HOME_CJK: tuple[str, ...] = (
    "电梯", "電梯", "エレベーター", "车库", "車庫", "ガレージ", "教室", "实验室", "實驗室",
    "実験室",
)


def find_cjk(name: str, table: Mapping[str, T]) -> list[T]:
    """The values of ``table``'s words found in the CJK runs of ``name``, longest first at
    each place, left to right, not overlapping."""
    longest = max((len(w) for w in table), default=0)
    found: list[T] = []
    for run in CJK_RUN.findall(name):
        i = 0
        while i < len(run):
            for n in range(min(longest, len(run) - i), 0, -1):
                if run[i:i + n] in table:
                    found.append(table[run[i:i + n]])
                    i += n
                    break
            else:
                i += 1
    return found


def _index() -> dict[str, Use]:
    table: dict[str, Use] = {}
    for use, words in CJK.items():
        for w in words:
            table.setdefault(w, use)
    return table


CJK_TABLE: dict[str, Use] = _index()
NOT_HOME_TABLE: dict[str, bool] = dict.fromkeys(NOT_HOME_CJK, True)
