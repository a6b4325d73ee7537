"""Derives ``src/text/lexicon/function_words.txt`` from jusText's stoplists.

Cleaning tells body text from page chrome by the share of function words in a paragraph
(jusText's "stopword density"). English has a list of its own (``stopwords.txt``); for the other
languages this script takes the most frequent words of each of jusText's stoplists (drawn from
Wikipedia by jusText's authors, most frequent first), in the form cleaning looks words up:
lowercased, punctuation stripped, no digits, at most 16 bytes. Run:

    python scripts/build_function_words.py [--words 150] [--out PATH]

It reads the stoplists of the installed ``justext`` package (BSD 2-Clause licence, reproduced in
the output's header and in ``src/text/lexicon/LICENSE_jusText.txt``).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "text" / "lexicon" / "function_words.txt"
LICENSE = OUT.parent / "LICENSE_jusText.txt"

# jusText's stoplist names and the language codes the list is written under (ISO 639-1 where there
# is one, else ISO 639-3). English is left out: cleaning has its own English list. Simple English
# repeats English.
CODES = {
    "Afrikaans": "af", "Albanian": "sq", "Arabic": "ar", "Aragonese": "an", "Armenian": "hy",
    "Aromanian": "rup", "Asturian": "ast", "Azerbaijani": "az", "Basque": "eu", "Belarusian": "be",
    "Belarusian_Taraskievica": "be-tarask", "Bengali": "bn", "Bishnupriya_Manipuri": "bpy",
    "Bosnian": "bs", "Breton": "br", "Bulgarian": "bg", "Catalan": "ca", "Cebuano": "ceb",
    "Chuvash": "cv", "Croatian": "hr", "Czech": "cs", "Danish": "da", "Dutch": "nl",
    "Esperanto": "eo", "Estonian": "et", "Finnish": "fi", "French": "fr", "Galician": "gl",
    "Georgian": "ka", "German": "de", "Greek": "el", "Gujarati": "gu", "Haitian": "ht",
    "Hebrew": "he", "Hindi": "hi", "Hungarian": "hu", "Icelandic": "is", "Ido": "io", "Igbo": "ig",
    "Indonesian": "id", "Irish": "ga", "Italian": "it", "Javanese": "jv", "Kannada": "kn",
    "Kazakh": "kk", "Korean": "ko", "Kurdish": "ku", "Kyrgyz": "ky", "Latin": "la", "Latvian": "lv",
    "Lithuanian": "lt", "Lombard": "lmo", "Low_Saxon": "nds", "Luxembourgish": "lb",
    "Macedonian": "mk", "Malay": "ms", "Malayalam": "ml", "Maltese": "mt", "Marathi": "mr",
    "Neapolitan": "nap", "Nepali": "ne", "Newar": "new", "Norwegian_Bokmal": "nb",
    "Norwegian_Nynorsk": "nn", "Occitan": "oc", "Persian": "fa", "Piedmontese": "pms",
    "Polish": "pl", "Portuguese": "pt", "Quechua": "qu", "Romanian": "ro", "Russian": "ru",
    "Samogitian": "sgs", "Serbian": "sr", "Serbo_Croatian": "sh", "Sicilian": "scn", "Slovak": "sk",
    "Slovenian": "sl", "Spanish": "es", "Sundanese": "su", "Swahili": "sw", "Swedish": "sv",
    "Tagalog": "tl", "Tamil": "ta", "Telugu": "te", "Turkish": "tr", "Turkmen": "tk",
    "Ukrainian": "uk", "Urdu": "ur", "Uzbek": "uz", "Vietnamese": "vi", "Volapuk": "vo",
    "Walloon": "wa", "Waray_Waray": "war", "Welsh": "cy", "West_Frisian": "fy",
    "Western_Panjabi": "pnb", "Yoruba": "yo",
}
SKIPPED = {"English", "Simple_English"}
# A word as cleaning's scanner reads it: alphanumeric runs joined by apostrophes or hyphens.
WORD = re.compile(r"^\w+(?:['’\-‐‑]\w+)*$")
LONGEST = 16


def cleaned(entry: str) -> str | None:
    """The stoplist entry as cleaning looks it up, or None when it is no word of letters."""
    word = entry.strip().strip(".,;:!?()[]\"«»“”„'’").lower().replace("’", "'")
    if not WORD.match(word) or any(c.isdigit() or c == "_" for c in word):
        return None
    return word if len(word.encode("utf-8")) <= LONGEST else None


def build(per_language: int) -> tuple[str, list[str]]:
    import justext

    names = sorted(set(justext.get_stoplists()) - SKIPPED)
    missing = [name for name in names if name not in CODES]
    if missing:
        raise SystemExit(f"no language code for jusText stoplist(s): {', '.join(missing)}")
    languages: dict[str, list[str]] = {}
    stoplists = Path(justext.__file__).parent / "stoplists"
    for name in names:
        words: list[str] = []
        for line in (stoplists / f"{name}.txt").read_text(encoding="utf-8").splitlines():
            word = cleaned(line)
            if word and word not in words:
                words.append(word)
            if len(words) == per_language:
                break
        languages[CODES[name]] = words
    by_word: dict[str, list[str]] = {}
    for code in sorted(languages):
        for word in languages[code]:
            by_word.setdefault(word, []).append(code)
    lines = [f"{word} {' '.join(codes)}" for word, codes in sorted(by_word.items())]
    return "\n".join(lines) + "\n", sorted(languages)


def header(per_language: int, codes: list[str]) -> str:
    notice = LICENSE.read_text(encoding="utf-8").strip().splitlines()
    text = [
        "Function words of languages other than English: each line a word, then the codes of the",
        "languages whose function words it is among (ISO 639-1, else 639-3).",
        "Used by: cleaning, chrome scoring: the stopword density of a paragraph in its document's",
        "language (the language whose words these are most; English uses stopwords.txt).",
        "Lowercase; looked up like the stopwords (words of at most 16 bytes).",
        f"Generated by scripts/build_function_words.py: the {per_language} most frequent words of each of",
        "jusText's stoplists (https://github.com/miso-belica/jusText), distributed under this licence:",
        "",
        *notice,
        "",
        f"Languages ({len(codes)}): {' '.join(codes)}",
    ]
    return "".join(f"# {line}".rstrip() + "\n" for line in text) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=150, help="words taken from each stoplist")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    body, codes = build(args.words)
    args.out.write_text(header(args.words, codes) + body, encoding="utf-8")
    print(f"{args.out}: {body.count(chr(10))} words of {len(codes)} languages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
