"""Synthetic identity numbers for the tests: structurally valid (a real kecamatan code of
the official data, a real date, a non-zero serial), random, never a real person's.

The serials are drawn from 9000-9999 and the dates from a random day, so a collision with
a real number is no likelier than guessing one; the numbers exist only in tmp folders.
"""

import datetime as dt
import random

from villages.data import children


def kecamatan_codes(rng, count):
    """`count` random kecamatan codes ('35.23.07') across random provinces."""
    provinces = children(None)
    codes = []
    while len(codes) < count:
        province = rng.choice(provinces)
        kabupaten = rng.choice(children(province.code))
        codes.append(rng.choice(children(kabupaten.code)).code)
    return codes


class Maker:
    """nik(), kk(): fresh synthetic numbers from one seeded random generator."""

    def __init__(self, seed=2022):
        self.rng = random.Random(seed)

    def _date(self):
        start = dt.date(1950, 1, 1)
        return start + dt.timedelta(days=self.rng.randrange(365 * 55))

    def nik(self, female=None, code=None):
        code = code or kecamatan_codes(self.rng, 1)[0]
        born = self._date()
        female = self.rng.random() < 0.5 if female is None else female
        day = born.day + (40 if female else 0)
        serial = self.rng.randint(9000, 9999)
        return f"{code.replace('.', '')}{day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"

    def kk(self, code=None):
        code = code or kecamatan_codes(self.rng, 1)[0]
        issued = dt.date(2010, 1, 1) + dt.timedelta(days=self.rng.randrange(365 * 14))
        serial = self.rng.randint(9000, 9999)
        return f"{code.replace('.', '')}{issued:%d%m%y}{serial:04d}"


def masked(number):
    return number[:4] + "x" * 8 + number[-4:]
