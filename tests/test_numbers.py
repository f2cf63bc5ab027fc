"""wartadesa/numbers.py: the one rule for numbers in content/data/*.yml."""

import pytest

from wartadesa.numbers import NumberError, read_number, read_whole_number


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1250", 1250),
        ("1.250", 1250),
        ("12.500.000", 12_500_000),
        ("1,25", 1.25),
        ("1.250,5", 1250.5),
        ("0,6472", 0.6472),
        ("0.6472", 0.6472),  # leading 0: never a thousands group
        ("0.647", 0.647),
        ("412.5", 412.5),  # one digit after the dot: never a thousands group
        ("-6.9123", -6.9123),
        ("-1.500", -1500),
    ],
)
def test_indonesian_numbers(text, number):
    assert read_number(text) == number
    assert type(read_number(text)) is type(number)


@pytest.mark.parametrize("text", ["1,250.5", "1,250,000", "5.00.000", "Rp5.000", "1e6", "", "-"])
def test_not_numbers(text):
    with pytest.raises(NumberError):
        read_number(text)


def test_whole_numbers():
    assert read_whole_number("1.500.000.000") == 1_500_000_000
    assert read_whole_number("1.500,00") == 1500
    for text in ("1,5", "412.5"):
        with pytest.raises(NumberError):
            read_whole_number(text)
