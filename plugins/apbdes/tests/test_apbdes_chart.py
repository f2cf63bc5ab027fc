"""The chart geometry and the page addresses, without a build."""

from apbdes.chart import MAX_BAR, bar_chart
from apbdes.data import Item
from apbdes.generator import folder_of, save_as_of


def test_bars_share_one_scale_and_the_biggest_is_full_length():
    items = [Item("A", 400, 300, 1), Item("B", 100, 120, 2)]
    chart = bar_chart(items, with_realisasi=True)
    widths = [(bar.kind, bar.width) for row in chart.rows for bar in row.bars]
    assert widths == [
        ("anggaran", MAX_BAR),
        ("realisasi", MAX_BAR * 0.75),
        ("anggaran", MAX_BAR / 4),
        ("realisasi", MAX_BAR * 0.3),
    ]
    assert chart.legend and chart.height > chart.rows[-1].bars[-1].y


def test_without_realisasi_one_bar_per_line_and_no_legend():
    chart = bar_chart([Item("A", 5, None, 1)], with_realisasi=False)
    assert [bar.kind for bar in chart.rows[0].bars] == ["anggaran"] and not chart.legend


def test_all_zero_amounts_draw_empty_bars():
    chart = bar_chart([Item("A", 0, None, 1)], with_realisasi=False)
    assert chart.rows[0].bars[0].width == 0
    assert bar_chart([], with_realisasi=False) is None


def test_long_labels_wrap_to_two_lines_at_most():
    label = "Bantuan Keuangan Khusus dari Anggaran Pendapatan dan Belanja Daerah Provinsi " * 2
    row = bar_chart([Item(label, 5, None, 1)], with_realisasi=False).rows[0]
    assert len(row.label_lines) == 2 and row.label_lines[1].endswith("…")
    assert row.label_y[1] > row.label_y[0] and row.bars[0].y > row.label_y[1]


def test_page_addresses_under_a_folder_or_a_file_address():
    assert save_as_of("apbdes/2025/") == "apbdes/2025/index.html"
    assert save_as_of("apbdes-2025.html") == "apbdes-2025.html"
    assert folder_of("desa/binangun/") == "desa/binangun/"
    assert folder_of("desa/binangun.html") == "desa/binangun/"


def test_realisasi_text_adds_the_percentage():
    chart = bar_chart([Item("A", 400_000_000, 300_000_000, 1)], with_realisasi=True)
    assert [bar.text for bar in chart.rows[0].bars] == ["Rp400\xa0jt", "Rp300\xa0jt · 75,0%"]
