//! Scheduling on generated projects: propagation after a one-day move, and the critical path.

use criterion::{Criterion, criterion_group, criterion_main};
use milepost::cli::generate;
use milepost::schedule::Scheduler;

fn schedule(c: &mut Criterion) {
    let mut group = c.benchmark_group("schedule");
    for items in [10_000, 100_000] {
        let project = generate::project(items, 1);
        let Ok(scheduler) = Scheduler::new(&project) else {
            panic!("a generated project has no loop");
        };
        // The first item starts the first workstream's chain.
        let moved = scheduler.span(&project, 0).shifted(1);
        group.bench_function(format!("propagate/{items}"), |b| {
            b.iter(|| scheduler.plan(&project, &[(0, moved)]));
        });
        // A slip of a month pushes the whole downstream chain, not only the first neighbour.
        let far = scheduler.span(&project, 0).shifted(20);
        let pushed = scheduler.plan(&project, &[(0, far)]).len();
        assert!(
            pushed > 20,
            "a month's slip pushes the chain: {pushed} items"
        );
        eprintln!("schedule/propagate_month/{items} moves {pushed} items");
        group.bench_function(format!("propagate_month/{items}"), |b| {
            b.iter(|| scheduler.plan(&project, &[(0, far)]));
        });
        if items == 10_000 {
            group.bench_function(format!("critical_path/{items}"), |b| {
                b.iter(|| scheduler.critical_path(&project));
            });
        }
    }
    group.finish();
}

criterion_group!(benches, schedule);
criterion_main!(benches);
