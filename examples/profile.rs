//! One stage of the pure core over a corpus, for profilers (callgrind, perf) and timings without
//! Python in the way.
//!
//! ```text
//! CARGO_PROFILE_RELEASE_DEBUG=true cargo build --release --example profile
//! target/release/examples/profile STAGE TEXTS [--workers N] [--repeat N] [--hash]
//! valgrind --tool=callgrind target/release/examples/profile tag news.txt --workers 1
//! ```
//!
//! STAGE is `clean`, `dedup` or `tag`; TEXTS is a UTF-8 file of documents separated by NUL
//! bytes. BBC and Reuters (from ../shared/data beside the checkout) make one with
//! `python -c "import sys; sys.path.insert(0, 'benchmarks'); from _corpora import news_frame;
//! open('news.txt', 'w').write(chr(0).join(news_frame().text))"`.
//!
//! Each run prints its seconds and MB/s; `tag` also splits them between tagging the documents
//! (parallel) and joining names across the corpus (serial). `--hash` prints a hash of the
//! stage's results: a change made for speed must leave it as it was.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use tidings::clean::{clean_corpus, CleanOptions};
use tidings::dedup::{dedup, DedupConfig};
use tidings::parallel::{run, Progress};
use tidings::tag::corpus_join::join_across_corpus;
use tidings::tag::{tag_documents, Resources, TagOptions};

const USAGE: &str =
    "usage: profile clean|dedup|tag TEXTS [--workers N] [--repeat N] [--hash] (TEXTS: documents separated by NUL bytes)";

struct Args {
    stage: String,
    texts: String,
    workers: usize,
    repeat: usize,
    hash: bool,
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
            _ => return Err(format!("unknown option {flag}\n{USAGE}")),
        }
    }
    Ok(args)
}

/// Runs the stage once on the pool; returns a hash of its results' debug form when asked.
fn stage(
    args: &Args,
    texts: &[Option<&str>],
    resources: Option<&Resources>,
) -> tidings::Result<u64> {
    let hash = |results: &dyn std::fmt::Debug| {
        if args.hash {
            xxhash_rust::xxh3::xxh3_64(format!("{results:?}").as_bytes())
        } else {
            0
        }
    };
    run(args.workers, || match args.stage.as_str() {
        "clean" => Ok(hash(&clean_corpus(texts, None, &CleanOptions::default())?)),
        "dedup" => {
            let decided = dedup(texts, DedupConfig::default(), None, false)?;
            Ok(hash(&(decided.clusters, decided.pairs)))
        }
        _ => {
            let resources = resources
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

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    if !matches!(args.stage.as_str(), "clean" | "dedup" | "tag") {
        eprintln!("unknown stage {}\n{USAGE}", args.stage);
        return ExitCode::from(2);
    }
    let data = match std::fs::read_to_string(&args.texts) {
        Ok(data) => data,
        Err(error) => {
            eprintln!("cannot read {}: {error}", args.texts);
            return ExitCode::from(2);
        }
    };
    let texts: Vec<Option<&str>> = data.split('\0').map(Some).collect();
    let resources = if args.stage == "tag" {
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("python/tidings/data");
        match Resources::from_files(&data.join("tagger.bin"), &data.join("gazetteer.tsv")) {
            Ok(resources) => Some(resources),
            Err(error) => {
                eprintln!("cannot load the tagger: {error}");
                return ExitCode::from(2);
            }
        }
    } else {
        None
    };
    let megabytes = data.len() as f64 / 1e6;
    println!(
        "{} on {} documents, {megabytes:.1} MB, {} worker(s)",
        args.stage,
        texts.len(),
        args.workers
    );
    for _ in 0..args.repeat {
        let started = Instant::now();
        match stage(&args, &texts, resources.as_ref()) {
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
