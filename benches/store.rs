//! Speed of opening and saving documents: `cargo bench --bench store`.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use milepost::cli::generate;
use milepost::store;

fn store_benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("store");
    group.sample_size(10);
    for items in [10_000usize, 100_000] {
        let project = generate::project(items, 1);
        let text = store::to_string(&project).expect("serialize");
        group.bench_with_input(BenchmarkId::new("load", items), &text, |b, text| {
            b.iter(|| store::load_str(black_box(text)).expect("load"));
        });
        if items == 10_000 {
            // Where the time of load and save goes: the text alone, the checks alone.
            group.bench_with_input(
                BenchmarkId::new("serialize", items),
                &project,
                |b, project| {
                    b.iter(|| store::to_string(black_box(project)).expect("serialize"));
                },
            );
            group.bench_with_input(
                BenchmarkId::new("validate", items),
                &project,
                |b, project| {
                    b.iter(|| store::validate(black_box(project)));
                },
            );
            // The yardstick: the same project through serde_json, parsing only.
            let json = serde_json::to_string(&project).expect("json");
            group.bench_with_input(BenchmarkId::new("load_json", items), &json, |b, json| {
                b.iter(|| {
                    serde_json::from_str::<milepost::model::Project>(black_box(json))
                        .expect("parse")
                });
            });
        }
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("bench.ron");
        group.bench_with_input(BenchmarkId::new("save", items), &project, |b, project| {
            b.iter(|| store::save_file(black_box(project), &path).expect("save"));
        });
    }
    group.finish();
}

criterion_group!(benches, store_benches);
criterion_main!(benches);
