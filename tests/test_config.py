"""Settings are validated when built: out of range or unknown is a ConfigError naming the setting."""

import pytest

from storyline import ConfigError, Summarizer, SummarizerConfig
from storyline.stories import TrackerConfig


@pytest.mark.parametrize(
    "settings, named",
    [
        ({"words": 0}, "words"),
        ({"words": -5}, "words"),
        ({"words": 2.5}, "words"),
        ({"words": True}, "words"),
        ({"sentences": 0}, "sentences"),
        ({"redundancy": 1.5}, "redundancy"),
        ({"redundancy": -0.1}, "redundancy"),
        ({"lead_redundancy": 2}, "lead_redundancy"),
        ({"copy": 2}, "copy"),
        ({"repeat_pairs": 0}, "repeat_pairs"),
        ({"repeat_pairs": 2.5}, "repeat_pairs"),
        ({"support": None}, "support"),
        ({"novelty": -1}, "novelty"),
        ({"min_words": 0}, "min_words"),
        ({"min_words": 10, "max_words": 5}, "min_words"),
    ],
)
def test_summarizer_setting_out_of_range_is_a_config_error(settings, named):
    with pytest.raises(ConfigError, match=named):
        SummarizerConfig(**settings)
    with pytest.raises(ConfigError, match=named):
        Summarizer(**settings)


def test_unknown_summarizer_setting_is_a_config_error():
    with pytest.raises(ConfigError, match="wrds"):
        Summarizer(wrds=100)
    with pytest.raises(ConfigError, match="wrds"):
        SummarizerConfig().replace(wrds=100)


def test_summarizer_settings_in_range_are_kept():
    config = SummarizerConfig(words=None, sentences=3, redundancy=None, copy=1, support=0)
    assert (config.words, config.sentences, config.redundancy) == (None, 3, None)
    summarizer = Summarizer(config, words=50)
    assert summarizer.config.words == 50 and summarizer.config.sentences == 3 and config.words is None
    assert config.replace(novelty=2.0).to_dict() == {**config.to_dict(), "novelty": 2.0}


@pytest.mark.parametrize(
    "settings, named",
    [
        ({"threshold": 1.5}, "threshold"),
        ({"merge": -0.1}, "merge"),
        ({"duplicate": True}, "duplicate"),
        ({"window_days": -1}, "window_days"),
        ({"chunk": 0}, "chunk"),
        ({"chunk": 2.5}, "chunk"),
    ],
)
def test_tracker_setting_out_of_range_is_a_config_error(settings, named):
    with pytest.raises(ConfigError, match=named):
        TrackerConfig(**settings)
    with pytest.raises(ConfigError, match=named):
        TrackerConfig().replace(**settings)


def test_unknown_tracker_setting_is_a_config_error():
    with pytest.raises(ConfigError, match="treshold"):
        TrackerConfig().replace(treshold=0.3)


def test_tracker_settings_in_range_are_kept():
    config = TrackerConfig(threshold=0, merge=1, duplicate=0.5, window_days=0, chunk=1)
    assert config.replace(threshold=0.4).threshold == 0.4 and config.threshold == 0
