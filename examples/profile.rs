//! One stage of the pure core over a corpus, for profilers (callgrind, perf) and timings without
//! Python in the way.
//!
//! ```text
//! CARGO_PROFILE_RELEASE_DEBUG=true cargo build --release --example profile
//! target/release/examples/profile STAGE TEXTS [--workers N] [--repeat N] [--hash]
//! valgrind --tool=callgrind target/release/examples/profile tag news.txt --workers 1
//! ```
//!
//! STAGE is `clean`, `dedup`, `tag` or `stories`; TEXTS is a UTF-8 file of documents separated
//! by NUL bytes. `stories` groups the texts with the dates and entity mentions of `--meta FILE`
//! when given (else words only): NUL-separated records aligned with the texts, each a line with
//! the date in seconds since the epoch (empty when unknown), then a `LABEL<TAB>canonical name`
//! line per mention. `python benchmarks/profile_input.py news.txt` writes BBC and Reuters (from
//! ../shared/data beside the checkout) as TEXTS, and `news.txt.meta` tagged by the installed
//! tidings.
//!
//! Each run prints its seconds and MB/s; `tag` also splits them between tagging the documents
//! (parallel) and joining names across the corpus (serial). `--hash` prints a hash of the
//! stage's results: a change made for speed must leave it as it was.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use tidings::clean::{clean_corpus, CleanOptions};
use tidings::dedup::{decide, DedupConfig, Fingerprints};
use tidings::parallel::{run, Progress};
use tidings::stories::{assignments, group_stories, Article, StoryConfig};
use tidings::tag::corpus_join::join_across_corpus;
use tidings::tag::{tag_documents, Resources, TagOptions};

const USAGE: &str =
    "usage: profile clean|dedup|tag|stories TEXTS [--workers N] [--repeat N] [--hash] [--meta FILE] (TEXTS: documents separated by NUL bytes)";
const STAGES: [&str; 4] = ["clean", "dedup", "tag", "stories"];

struct Args {
    stage: String,
    texts: String,
    workers: usize,
    repeat: usize,
    hash: bool,
    meta: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut words = std::env::args().skip(1);
    let (Some(stage), Some(texts)) = (words.next(), words.next()) else {
        return Err(USAGE.to_string());
    };
    let mut args = Args {
        stage,
        texts,
        workers: 1,
        repeat: 1,
        hash: false,
        meta: None,
    };
    while let Some(flag) = words.next() {
        let mut count = || -> Result<usize, String> {
            words
                .next()
                .and_then(|n| n.parse().ok())
                .filter(|&n| n > 0)
                .ok_or_else(|| format!("{flag} needs a positive number"))
        };
        match flag.as_str() {
            "--workers" => args.workers = count()?,
            "--repeat" => args.repeat = count()?,
            "--hash" => args.hash = true,
            "--meta" => args.meta = Some(words.next().ok_or("--meta needs a file")?),
            _ => return Err(format!("unknown option {flag}\n{USAGE}")),
        }
    }
    Ok(args)
}

/// What the stage reads: the texts, the tagger for `tag`, the articles for `stories`.
struct Input<'a> {
    texts: Vec<Option<&'a str>>,
    resources: Option<Resources>,
    articles: Vec<Article<'a>>,
}

/// Runs the stage once on the pool; returns a hash of its results' debug form when asked.
fn stage(args: &Args, input: &Input<'_>) -> tidings::Result<u64> {
    let hash = |results: &dyn std::fmt::Debug| {
        if args.hash {
            xxhash_rust::xxh3::xxh3_64(format!("{results:?}").as_bytes())
        } else {
            0
        }
    };
    let texts = &input.texts;
    run(args.workers, || match args.stage.as_str() {
        "clean" => Ok(hash(&clean_corpus(texts, None, &CleanOptions::default())?)),
        "dedup" => {
            let (config, started) = (DedupConfig::default(), Instant::now());
            let fingerprints = Fingerprints::of_texts(texts, config.ngram, &Progress::default());
            let fingerprinted = started.elapsed().as_secs_f64();
            let decided = decide(&fingerprints, config, None, false)?;
            let decision = started.elapsed().as_secs_f64() - fingerprinted;
            println!("  fingerprints {fingerprinted:.3} s, decide {decision:.3} s");
            Ok(hash(&(decided.clusters, decided.pairs)))
        }
        "stories" => {
            let index = group_stories(&input.articles, StoryConfig::default())?;
            let assigned = assignments(index.stories(), index.keys(), index.vectors());
            Ok(hash(&assigned))
        }
        _ => {
            let resources = input
                .resources
                .as_ref()
                .ok_or_else(|| tidings::Error::Internal("the tagger was not loaded".to_string()))?;
            let options = TagOptions {
                user: None,
                labels: None,
                canonical: true,
            };
            let started = Instant::now();
            let mut docs = tag_documents(resources, texts, &options, &Progress::default());
            let tagged = started.elapsed().as_secs_f64();
            join_across_corpus(&mut docs, &[]);
            let joined = started.elapsed().as_secs_f64() - tagged;
            println!("  tag_documents {tagged:.3} s, join_across_corpus {joined:.3} s");
            Ok(hash(&docs))
        }
    })
}

/// The articles of `texts` with the dates and mentions of `meta` (see the module docs).
fn articles<'a>(
    texts: &[Option<&'a str>],
    meta: Option<&'a str>,
) -> Result<Vec<Article<'a>>, String> {
    let Some(meta) = meta else {
        return Ok(texts
            .iter()
            .map(|&text| Article {
                text,
                ..Article::default()
            })
            .collect());
    };
    let records: Vec<&str> = meta.split('\0').collect();
    if records.len() != texts.len() {
        return Err(format!(
            "--meta has {} records for {} texts",
            records.len(),
            texts.len()
        ));
    }
    texts
        .iter()
        .zip(records)
        .map(|(&text, record)| {
            let mut lines = record.split('\n');
            let date = match lines.next().unwrap_or("") {
                "" => None,
                seconds => Some(
                    seconds
                        .parse()
                        .map_err(|_| format!("bad date {seconds:?}"))?,
                ),
            };
            let entities = lines
                .map(|line| {
                    line.split_once('\t')
                        .ok_or_else(|| format!("bad mention {line:?}"))
                })
                .collect::<Result<_, _>>()?;
            Ok(Article {
                text,
                date,
                group: None,
                entities,
            })
        })
        .collect()
}

/// Reads the file at `path`.
fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|error| format!("cannot read {path}: {error}"))
}

/// The tagger shipped with the package, for `tag`.
fn tagger() -> Result<Resources, String> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("python/tidings/data");
    Resources::from_files(&data.join("tagger.bin"), &data.join("gazetteer.tsv"))
        .map_err(|error| format!("cannot load the tagger: {error}"))
}

/// Runs the stage `--repeat` times, printing each run's seconds, MB/s and hash.
fn measure(args: &Args, input: &Input<'_>, megabytes: f64) -> ExitCode {
    for _ in 0..args.repeat {
        let started = Instant::now();
        match stage(args, input) {
            Ok(hash) => {
                let seconds = started.elapsed().as_secs_f64();
                let hash = if args.hash {
                    format!(", results hash {hash:016x}")
                } else {
                    String::new()
                };
                println!("{seconds:.3} s, {:.1} MB/s{hash}", megabytes / seconds);
            }
            Err(error) => {
                eprintln!("{} failed: {error}", args.stage);
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) if STAGES.contains(&args.stage.as_str()) => args,
        Ok(args) => {
            eprintln!("unknown stage {}\n{USAGE}", args.stage);
            return ExitCode::from(2);
        }
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let data = match read(&args.texts) {
        Ok(data) => data,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let meta = match args.meta.as_deref().map(read).transpose() {
        Ok(meta) => meta,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let texts: Vec<Option<&str>> = data.split('\0').map(Some).collect();
    let loaded = (args.stage == "tag")
        .then(tagger)
        .transpose()
        .and_then(|resources| {
            let articles = match args.stage.as_str() {
                "stories" => articles(&texts, meta.as_deref())?,
                _ => Vec::new(),
            };
            Ok((resources, articles))
        });
    let (resources, articles) = match loaded {
        Ok(loaded) => loaded,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let megabytes = data.len() as f64 / 1e6;
    println!(
        "{} on {} documents, {megabytes:.1} MB, {} worker(s)",
        args.stage,
        texts.len(),
        args.workers
    );
    let input = Input {
        texts,
        resources,
        articles,
    };
    measure(&args, &input, megabytes)
}
