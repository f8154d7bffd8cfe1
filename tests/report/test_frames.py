"""Tests for analysis.report.frames: the frame profile and naming figures show the data."""

import pandas as pd
import pytest

from analysis.report.frames import plot_frame_profile, plot_naming


def test_plot_frame_profile_shows_the_data():
    profile = pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "frame": ["x", "y", "x", "y"],
                            "per_1000_tokens": [10.0, 20.0, 0.0, 5.0], "share_of_sentences": [0.1, 0.2, 0.0, 0.5]})
    fig, ax = plot_frame_profile(profile, labels={"a": "Article A"})
    assert len(ax.patches) == 4
    assert [round(p.get_width(), 6) for p in ax.patches] == [10.0, 0.0, 20.0, 5.0]  # frame x (a, b), then y
    assert ax.get_xlabel() == "Frame hits per 1,000 tokens" and ax.get_ylabel() == "Article"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Article A", "b"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["x", "y"]
    fig2, ax2 = plot_frame_profile(profile, "share_of_sentences")
    assert ax2.get_xlabel() == "Share of sentences with the frame"
    assert [round(p.get_width(), 6) for p in ax2.patches] == [0.1, 0.0, 0.2, 0.5]
    with pytest.raises(ValueError, match=r"plot_frame_profile\(\): value= must be one of 'per_1000_tokens', 'share_of_sentences'"):
        plot_frame_profile(profile, "hits")


def test_plot_naming_shows_shares_or_counts():
    table = pd.DataFrame({"speaker_actor": ["libya", "un_agencies"], "illegal_immigrants": [3, 0],
                          "refugees": [0, 0], "migrants": [1, 2], "total": [4, 2]})
    fig, ax = plot_naming(table, by="speaker_actor")
    # refugees has no count and is left out; bars: illegal (libya, un), then migrants (libya, un)
    assert [round(p.get_width(), 6) for p in ax.patches] == [0.75, 0.0, 0.25, 1.0]
    assert [round(p.get_x(), 6) for p in ax.patches] == [0.0, 0.0, 0.75, 0.0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["illegal immigrants", "migrants"]
    assert ax.get_xlabel() == "Share of names for people on the move" and ax.get_ylabel() == "Speaker (actor)"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["libya (n=4)", "un_agencies (n=2)"]
    _, ax2 = plot_naming(table, by="speaker_actor", share=False)
    assert [p.get_width() for p in ax2.patches] == [3, 0, 1, 2]
    with pytest.raises(ValueError, match="need a 'doc_id' column"):
        plot_naming(table)
