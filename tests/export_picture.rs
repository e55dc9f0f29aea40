//! The timeline picture: SVG, PDF and PNG, client-safe by default, from the library and from
//! `milepost export`.

mod common;
mod window_harness;

use std::ffi::OsStr;
use std::path::Path;
use std::process::Output;

use chrono::NaiveDate;
use milepost::export::{self, PageSize, PictureOptions};
use milepost::i18n::Language;
use milepost::model::{ItemKind, Project};

use common::{assert_succeeded, milepost};

fn sample(path: &str) -> Project {
    milepost::store::load_file(Path::new(path))
        .expect("the sample loads")
        .project
}

fn date(text: &str) -> NaiveDate {
    text.parse().expect("a date")
}

fn options(language: Language) -> PictureOptions {
    PictureOptions {
        language,
        today: date("2026-11-27"),
        ..PictureOptions::default()
    }
}

/// The names of the sample's items, split into client-visible and internal.
fn names(project: &Project) -> (Vec<String>, Vec<String>) {
    let (shown, internal): (Vec<_>, Vec<_>) =
        project.items.iter().partition(|item| item.client_visible);
    let names = |items: Vec<&milepost::model::Item>| {
        items
            .into_iter()
            .map(|item| item.name.clone())
            .collect::<Vec<_>>()
    };
    (names(shown), names(internal))
}

/// The text of every `<text>` element, unescaped.
fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("<text ")
        .skip(1)
        .filter_map(|part| {
            let start = part.find('>')? + 1;
            // An owner written after a name is a `<tspan>` of its own.
            let end = part
                .find("</text>")?
                .min(part.find("<tspan").unwrap_or(usize::MAX));
            Some(
                part[start..end]
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&apos;", "'")
                    .replace("&amp;", "&"),
            )
        })
        .collect()
}

#[test]
fn the_samples_have_internal_items() {
    for path in ["assets/sample.ron", "assets/sample-zh.ron"] {
        let (shown, internal) = names(&sample(path));
        assert!(
            !internal.is_empty() && shown.len() > internal.len(),
            "{path} has both kinds"
        );
    }
    let (_, internal) = names(&sample("assets/sample.ron"));
    assert!(
        internal.contains(&"Internal configuration QA review".to_owned()),
        "the QA review is internal"
    );
}

#[test]
fn the_svg_names_every_client_item_and_no_internal_one() {
    for (path, language) in [
        ("assets/sample.ron", Language::English),
        ("assets/sample-zh.ron", Language::Chinese),
    ] {
        let project = sample(path);
        let svg = export::svg::svg(&project, &options(language)).expect("an SVG");
        let texts = svg_texts(&svg);
        let (shown, internal) = names(&project);
        for name in &shown {
            assert!(texts.contains(name), "{path}: '{name}' is written");
        }
        for name in &internal {
            assert!(!svg.contains(name.as_str()), "{path}: '{name}' is left out");
        }
        assert!(
            texts.contains(&project.name),
            "{path}: the title block names the project"
        );
        assert!(
            texts.iter().any(|text| text.contains(&project.client.name)),
            "{path}: and the client"
        );
        let tree = usvg::Tree::from_str(&svg, &usvg::Options::default()).expect("valid SVG");
        assert!(
            tree.size().width() > 1000.0 && tree.size().height() > 500.0,
            "{path}: a picture of some size: {:?}",
            tree.size()
        );
    }
}

#[test]
fn with_internal_items_every_name_appears_and_the_picture_says_so() {
    let project = sample("assets/sample.ron");
    let all = PictureOptions {
        include_internal: true,
        ..options(Language::English)
    };
    let svg = export::svg::svg(&project, &all).expect("an SVG");
    let texts = svg_texts(&svg);
    for item in &project.items {
        assert!(texts.contains(&item.name), "'{}' is written", item.name);
    }
    assert!(
        texts.iter().any(|text| text.starts_with("Internal")),
        "the picture is marked internal"
    );
    let client_safe = export::svg::svg(&project, &options(Language::English)).expect("an SVG");
    assert!(
        !svg_texts(&client_safe)
            .iter()
            .any(|text| text.starts_with("Internal:")),
        "a client-safe picture carries no such mark"
    );
}

#[test]
fn names_are_escaped() {
    let mut project = sample("assets/sample.ron");
    project.items[0].name = "R&D <kick-off> \"go\"".to_owned();
    let svg = export::svg::svg(&project, &options(Language::English)).expect("an SVG");
    assert!(
        svg.contains("R&amp;D &lt;kick-off&gt; &quot;go&quot;"),
        "written escaped"
    );
    usvg::Tree::from_str(&svg, &usvg::Options::default()).expect("still valid SVG");
}

#[test]
fn a_date_range_limits_the_items() {
    let project = sample("assets/sample.ron");
    let (from, to) = (date("2026-12-01"), date("2026-12-31"));
    let december = PictureOptions {
        from: Some(from),
        to: Some(to),
        ..options(Language::English)
    };
    let svg = export::svg::svg(&project, &december).expect("an SVG");
    let texts = svg_texts(&svg);
    let mut inside = 0;
    for item in project.items.iter().filter(|item| item.client_visible) {
        let touches = item.start.min(item.finish) <= to && item.start.max(item.finish) >= from;
        if touches {
            inside += 1;
        }
        assert_eq!(
            texts.contains(&item.name),
            touches,
            "'{}' ({} – {}) is shown exactly when it touches December",
            item.name,
            item.start,
            item.finish
        );
    }
    assert!(
        inside > 3 && inside < project.items.len() - 3,
        "December holds some items, not all ({inside})"
    );
    let backwards = PictureOptions {
        from: Some(to),
        to: Some(from),
        ..options(Language::English)
    };
    assert!(
        export::svg::svg(&project, &backwards).is_err(),
        "an empty range is refused"
    );
}

fn pdf_text(bytes: &[u8]) -> String {
    pdf_extract::extract_text_from_mem(bytes).expect("text from the PDF")
}

/// Text extracted from a PDF with all white space removed (extractors break lines freely).
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_pdf_is_one_landscape_page_whose_text_holds_the_milestones() {
    let project = sample("assets/sample.ron");
    for page in [PageSize::A4, PageSize::A3] {
        let bytes = export::pdf::pdf(
            &project,
            &PictureOptions {
                page,
                ..options(Language::English)
            },
        )
        .expect("a PDF");
        assert!(bytes.starts_with(b"%PDF-"), "a PDF file");
        let document = lopdf::Document::load_mem(&bytes).expect("a readable PDF");
        let pages = document.get_pages();
        assert_eq!(pages.len(), 1, "one page");
        let (width, height) = page.landscape_points();
        let &page_id = pages.values().next().expect("the page");
        let media_box = document
            .get_object(page_id)
            .and_then(lopdf::Object::as_dict)
            .and_then(|page| page.get(b"MediaBox"))
            .and_then(lopdf::Object::as_array)
            .expect("a media box");
        let number = |object: &lopdf::Object| {
            object
                .as_float()
                .or_else(|_| object.as_i64().map(|value| value as f32))
                .expect("a number")
        };
        assert!(
            (number(&media_box[2]) - width).abs() < 1.0
                && (number(&media_box[3]) - height).abs() < 1.0,
            "{page:?} landscape: {media_box:?}"
        );
        let text = squeezed(&pdf_text(&bytes));
        for item in project
            .items
            .iter()
            .filter(|item| item.kind == ItemKind::Milestone && item.client_visible)
        {
            assert!(
                text.contains(&squeezed(&item.name)),
                "{page:?}: '{}' is text in the PDF",
                item.name
            );
        }
        assert!(
            !text.contains(&squeezed("Internal configuration QA review")),
            "internal items stay out of the PDF"
        );
    }
}

#[test]
fn the_chinese_pdf_keeps_chinese_text() {
    let project = sample("assets/sample-zh.ron");
    let bytes = export::pdf::pdf(&project, &options(Language::Chinese)).expect("a PDF");
    let text = squeezed(&pdf_text(&bytes));
    for name in ["项目启动会", "需求确认签字", "系统正式上线"] {
        assert!(text.contains(name), "'{name}' is text in the PDF");
    }
    assert!(!text.contains("内部配置走查"), "internal items stay out");
}

fn decode(bytes: &[u8]) -> resvg::tiny_skia::Pixmap {
    resvg::tiny_skia::Pixmap::decode_png(bytes).expect("a PNG")
}

#[test]
fn the_png_has_the_width_asked_for_and_shows_the_plan() {
    let project = sample("assets/sample-zh.ron");
    for width in [1200, 2400] {
        let bytes = export::png::png(
            &project,
            &PictureOptions {
                width_px: width,
                ..options(Language::Chinese)
            },
        )
        .expect("a PNG");
        let image = decode(&bytes);
        assert_eq!(image.width(), width, "as wide as asked");
        let picture = export::svg::picture(&project, &options(Language::Chinese)).expect("picture");
        let expected = (picture.height * width as f32 / picture.width).round() as u32;
        assert!(
            image.height().abs_diff(expected) <= 1,
            "height by the aspect: {} against {expected}",
            image.height()
        );
        let pixels = image.pixels();
        let task_blue = pixels
            .iter()
            .filter(|pixel| u16::from(pixel.blue()) > u16::from(pixel.red()) + 30)
            .count();
        let dark = pixels
            .iter()
            .filter(|pixel| pixel.red() < 90 && pixel.green() < 90 && pixel.blue() < 90)
            .count();
        assert!(
            task_blue > pixels.len() / 100,
            "bars are drawn ({task_blue} blue pixels)"
        );
        assert!(
            dark > pixels.len() / 2000,
            "text is drawn ({dark} dark pixels)"
        );
        assert!(
            pixels.iter().all(|pixel| pixel.alpha() == 255),
            "opaque, for any viewer"
        );
        let cut_text = (0..image.height())
            .flat_map(|y| (width - 6..width).map(move |x| (x, y)))
            .filter_map(|(x, y)| image.pixel(x, y))
            .filter(|pixel| pixel.red() < 120 && pixel.green() < 120)
            .count();
        assert_eq!(cut_text, 0, "no name runs off the right edge");
    }
    assert!(
        export::png::png(
            &project,
            &PictureOptions {
                width_px: 0,
                ..options(Language::Chinese)
            }
        )
        .is_err(),
        "a zero width is refused"
    );
}

#[test]
fn the_image_for_the_clipboard_matches_the_png() {
    let project = sample("assets/sample.ron");
    let options = PictureOptions {
        width_px: 800,
        ..options(Language::English)
    };
    let image = export::png::image(&project, &options).expect("an image");
    let png = decode(&export::png::png(&project, &options).expect("a PNG"));
    assert_eq!(
        (image.width, image.height),
        (png.width(), png.height()),
        "same size"
    );
    assert_eq!(
        image.rgba.len(),
        (image.width * image.height * 4) as usize,
        "four bytes a pixel"
    );
    assert_eq!(image.rgba, png.data(), "same pixels");
}

/// `milepost export input options… -o output`.
fn export(input: &Path, options: &[&str], output: &Path) -> Output {
    let (export, to) = (OsStr::new("export"), OsStr::new("-o"));
    milepost(
        [export, input.as_os_str()]
            .into_iter()
            .chain(options.iter().map(OsStr::new))
            .chain([to, output.as_os_str()]),
    )
}

#[test]
fn the_command_line_writes_each_format_and_leaves_the_input_alone() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let input = dir.path().join("plan.ron");
    std::fs::copy("assets/sample.ron", &input).expect("copy the sample");
    let before = std::fs::read(&input).expect("read");
    for (format, name) in [("svg", "out.svg"), ("pdf", "out.pdf"), ("png", "out.png")] {
        let output = dir.path().join(name);
        let run = export(&input, &["--format", format, "--width", "900"], &output);
        assert_succeeded(&run, format);
        let bytes = std::fs::read(&output).expect("the output exists");
        match format {
            "svg" => {
                let text = String::from_utf8(bytes).expect("UTF-8");
                assert!(text.contains("Go-live"), "the SVG names the items");
                assert!(
                    !text.contains("Internal configuration QA review"),
                    "client-safe by default"
                );
            }
            "pdf" => assert!(bytes.starts_with(b"%PDF-"), "a PDF"),
            _ => assert_eq!(decode(&bytes).width(), 900, "a PNG 900 px wide"),
        }
    }
    let all = dir.path().join("all.svg");
    let run = export(&input, &["--format", "svg", "--all"], &all);
    assert_succeeded(&run, "--all");
    assert!(
        std::fs::read_to_string(&all)
            .expect("read")
            .contains("Internal configuration QA review"),
        "--all shows internal items"
    );
    let onto_input = export(&input, &["--format", "svg"], &input);
    assert!(
        !onto_input.status.success(),
        "writing over the input is refused"
    );
    assert_eq!(
        std::fs::read(&input).expect("read"),
        before,
        "the input is unchanged"
    );
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names.iter().any(|name| name.starts_with(".milepost-")),
        "no temporary files left: {names:?}"
    );
}

#[test]
fn the_command_line_limits_the_dates() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let output = dir.path().join("january.svg");
    let options: Vec<&str> = "--format svg --from 2027-02-01 --to 2027-03-31"
        .split(' ')
        .collect();
    let run = export(Path::new("assets/sample.ron"), &options, &output);
    assert_succeeded(&run, "a date range");
    let text = std::fs::read_to_string(&output).expect("read");
    assert!(text.contains("Go-live"), "February items are shown");
    assert!(!text.contains(">Kick-off<"), "the October kick-off is not");
}

#[test]
fn an_unknown_format_is_refused() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let run = export(
        Path::new("assets/sample.ron"),
        &["--format", "bmp"],
        &dir.path().join("x.bmp"),
    );
    assert!(!run.status.success(), "an unknown format is refused");
}

/// File ▸ Export and Edit ▸ Copy timeline as image in the real window.
#[cfg(feature = "gui")]
mod window {

    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;
    use milepost::i18n::Language;
    use milepost::ui::theme::ThemeChoice;
    use milepost::ui::{App, Command, Startup};

    fn harness() -> Harness<'static, App> {
        let startup = Startup {
            language: Some(Language::English),
            theme: Some(ThemeChoice::Light),
            today: Some(super::date("2026-11-27")),
            ..Startup::default()
        };
        let mut harness = crate::window_harness::build(startup, [1400.0, 860.0]);
        harness.run();
        harness
    }

    fn open_export_dialog(harness: &mut Harness<'static, App>, entry: &str) {
        harness.get_by_label("File").click();
        harness.run();
        harness.get_by_label("Export").hover();
        harness.run();
        harness.get_by_label("Export").click();
        harness.run();
        harness.get_by_label(entry).click();
        harness.run();
    }

    fn write(harness: &mut Harness<'static, App>, path: &std::path::Path) {
        let ctx = harness.ctx.clone();
        harness.state_mut().command(
            &ctx,
            Command::WritePicture(milepost::ui::PictureFormat::Svg, path.to_owned()),
        );
        harness.run();
    }

    #[test]
    fn the_export_dialog_is_client_safe_unless_asked() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let mut harness = harness();
        open_export_dialog(&mut harness, "Timeline as SVG…");
        harness.get_by_label("Include internal items");
        harness.get_by_label_contains("safe to send to the client");
        harness.get_by_label("Cancel").click();
        harness.run();
        assert!(
            harness.query_by_label("Include internal items").is_none(),
            "Cancel closes the dialog"
        );

        let safe = dir.path().join("safe.svg");
        write(&mut harness, &safe);
        let text = std::fs::read_to_string(&safe).expect("written");
        assert!(
            text.contains("Kick-off") && !text.contains("Internal configuration QA review"),
            "client-safe by default"
        );
        harness.get_by_label_contains("Timeline exported to");

        open_export_dialog(&mut harness, "Timeline as SVG…");
        harness.get_by_label("Include internal items").click();
        harness.run();
        harness.get_by_label_contains("Do not send this file to the client");
        let all = dir.path().join("all.svg");
        write(&mut harness, &all);
        assert!(
            std::fs::read_to_string(&all)
                .expect("written")
                .contains("Internal configuration QA review"),
            "internal items when ticked"
        );
    }

    #[test]
    fn the_png_dialog_offers_a_width_and_the_pdf_dialog_a_page() {
        let mut harness = harness();
        open_export_dialog(&mut harness, "Timeline as PNG…");
        harness.get_by_label("Width");
        assert!(
            harness.query_by_label("A4 landscape").is_none(),
            "no page size for a PNG"
        );
        harness.snapshot("export_dialog_png");
        harness.get_by_label("Cancel").click();
        harness.run();
        open_export_dialog(&mut harness, "Timeline as PDF…");
        harness.get_by_label("A3 landscape").click();
        harness.run();
        assert!(
            harness.query_by_label("Width").is_none(),
            "no width for a PDF"
        );
    }

    #[test]
    fn a_failed_export_says_why() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let mut harness = harness();
        write(&mut harness, &dir.path().join("missing").join("out.svg"));
        harness.get_by_label_contains("could not be exported");
    }

    #[test]
    fn copy_as_image_puts_the_timeline_on_the_clipboard() {
        let mut harness = harness();
        harness.get_by_label("Edit").click();
        harness.run();
        harness.get_by_label("Copy timeline as image").click();
        harness.step();
        let copied = harness
            .output()
            .platform_output
            .commands
            .iter()
            .find_map(|command| match command {
                egui::OutputCommand::CopyImage(image) => Some(image.size),
                _ => None,
            })
            .expect("an image was copied");
        assert_eq!(copied[0], 2400, "the default width: {copied:?}");
        assert!(copied[1] > 500, "and some height: {copied:?}");
        harness.run();
        harness.get_by_label_contains("Timeline copied as an image");
    }
}

#[test]
fn the_title_block_speaks_the_language_asked_for() {
    let project = sample("assets/sample-zh.ron");
    let chinese = export::svg::svg(&project, &options(Language::Chinese)).expect("an SVG");
    assert!(
        chinese.contains("客户：华信贸易有限公司") && chinese.contains("生成于 2026年11月27日"),
        "client and date in Chinese"
    );
    assert!(
        chinese.contains("2026年12月"),
        "the header's months in Chinese"
    );
    let english = export::svg::svg(&project, &options(Language::English)).expect("an SVG");
    assert!(
        english.contains("Generated 27 Nov 2026") && english.contains("December 2026"),
        "and in English"
    );
}

#[test]
fn every_export_string_has_english_and_chinese() {
    let keys = common::locale_keys("export");
    assert!(keys > 20, "every string has a key ({keys})");
}
