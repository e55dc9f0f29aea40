//! The SVG back-end of the timeline painter: each primitive as an SVG element, in the design
//! tokens' colours, recorded as it is written.

use crate::report::escape_markup;
use crate::theme::tokens::{self, Tokens};
use crate::timeline::paint::{Box2, Drawn, Edge, Line, Paint, Prim, premultiplied};

use super::{TEXT_FAMILIES, baseline, num, put};

/// The SVG back-end of the painter: writes primitives as SVG elements and records each.
pub(super) struct Writer<'a> {
    /// Where the SVG goes.
    pub out: &'a mut String,
    /// The colours.
    pub tokens: &'a Tokens,
    /// What was written, one record per primitive.
    pub record: &'a mut Vec<Drawn>,
    /// Clip paths written so far, to name the next.
    pub clips: usize,
}

impl<'a> Writer<'a> {
    /// A writer in the light theme, with no clip path written yet.
    pub fn light(out: &'a mut String, record: &'a mut Vec<Drawn>) -> Self {
        Writer {
            out,
            tokens: &tokens::LIGHT,
            record,
            clips: 0,
        }
    }

    /// Writes `prims` in order, their text in the window's face.
    pub fn write_all(&mut self, prims: &[Prim]) {
        put(
            self.out,
            format_args!("<g font-family=\"{TEXT_FAMILIES}\">\n"),
        );
        for prim in prims {
            self.write(prim);
        }
        self.out.push_str("</g>\n");
    }

    fn colour(&self, paint: Paint) -> [u8; 4] {
        premultiplied(paint.role.rgb(self.tokens), paint.opacity)
    }

    /// ` fill="…"` (and its opacity when not opaque).
    fn fill(&self, paint: Paint) -> String {
        let colour = paint.role.rgb(self.tokens);
        if paint.opacity >= 1.0 {
            format!(" fill=\"{colour}\"")
        } else {
            format!(" fill=\"{colour}\" fill-opacity=\"{}\"", num(paint.opacity))
        }
    }

    /// ` stroke="…" stroke-width="…"` (and its opacity when not opaque).
    fn stroke(&self, line: Line) -> String {
        let colour = line.paint.role.rgb(self.tokens);
        let opacity = if line.paint.opacity >= 1.0 {
            String::new()
        } else {
            format!(" stroke-opacity=\"{}\"", num(line.paint.opacity))
        };
        format!(
            " stroke=\"{colour}\" stroke-width=\"{}\"{opacity}",
            num(line.width)
        )
    }

    /// Writes a rectangle's body and its outline, each when it has one.
    fn rect(
        &mut self,
        rect: &Box2,
        radius: [f32; 4],
        fill: Option<Paint>,
        stroke: Option<(Line, Edge)>,
    ) {
        if let Some(fill) = fill {
            let paint = self.fill(fill);
            let shape = if radius.iter().all(|r| *r <= 0.0) {
                format!(
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"{paint}/>\n",
                    num(rect.x0),
                    num(rect.y0),
                    num(rect.x1 - rect.x0),
                    num(rect.y1 - rect.y0)
                )
            } else {
                format!(
                    "<path d=\"{}\"{paint}/>\n",
                    rounded(rect.x0, rect.y0, rect.x1, rect.y1, radius)
                )
            };
            self.out.push_str(&shape);
            let drawn = Drawn::rounded_rect([rect.x0, rect.y0, rect.x1, rect.y1], radius);
            self.record
                .push(drawn.painted(Some(self.colour(fill)), None));
        }
        if let Some((line, edge)) = stroke {
            // SVG strokes straddle the path: move it by half the width.
            let shift = match edge {
                Edge::Inside => line.width / 2.0,
                Edge::Outside => -line.width / 2.0,
            };
            let (x0, y0, x1, y1) = (
                rect.x0 + shift,
                rect.y0 + shift,
                rect.x1 - shift,
                rect.y1 - shift,
            );
            let radii = radius.map(|r| (r - shift).max(0.0));
            let paint = self.stroke(line);
            put(
                self.out,
                format_args!(
                    "<path d=\"{}\" fill=\"none\"{paint}/>\n",
                    rounded(x0, y0, x1, y1, radii)
                ),
            );
            // The outer edge of the ink, as the window records it.
            let half = line.width / 2.0;
            let drawn = Drawn::new("outline", &[x0 - half, y0 - half, x1 + half, y1 + half]);
            self.record
                .push(drawn.painted(None, Some((self.colour(line.paint), line.width))));
        }
    }

    fn write(&mut self, prim: &Prim) {
        match prim {
            Prim::Rect {
                rect,
                radius,
                fill,
                stroke,
            } => self.rect(rect, *radius, *fill, *stroke),
            Prim::Polyline { points, line } => {
                let paint = self.stroke(*line);
                if let [(x1, y1), (x2, y2)] = points.as_slice() {
                    put(
                        self.out,
                        format_args!(
                            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"{paint}/>\n",
                            num(*x1),
                            num(*y1),
                            num(*x2),
                            num(*y2)
                        ),
                    );
                } else {
                    put(
                        self.out,
                        format_args!(
                            "<polyline points=\"{}\" fill=\"none\"{paint} stroke-linejoin=\"round\"/>\n",
                            point_list(points)
                        ),
                    );
                }
                let drawn = Drawn::through("line", points.iter().copied());
                self.record
                    .push(drawn.painted(None, Some((self.colour(line.paint), line.width))));
            }
            Prim::Polygon {
                points,
                fill,
                stroke,
            } => {
                let paint = self.fill(*fill);
                let outline = stroke.map_or_else(String::new, |line| self.stroke(line));
                put(
                    self.out,
                    format_args!(
                        "<polygon points=\"{}\"{paint}{outline}/>\n",
                        point_list(points)
                    ),
                );
                let outline = stroke.map(|line| (self.colour(line.paint), line.width));
                let drawn = Drawn::through("polygon", points.iter().copied());
                self.record
                    .push(drawn.painted(Some(self.colour(*fill)), outline));
            }
            Prim::Circle {
                centre: (cx, cy),
                radius,
                fill,
                stroke,
            } => {
                let paint = self.fill(*fill);
                put(
                    self.out,
                    format_args!(
                        "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"{paint}/>\n",
                        num(*cx),
                        num(*cy),
                        num(*radius)
                    ),
                );
                let mut outer = *radius;
                if let Some(line) = stroke {
                    // SVG strokes straddle the path; this one lies outside the body.
                    let paint = self.stroke(*line);
                    put(
                        self.out,
                        format_args!(
                            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"none\"{paint}/>\n",
                            num(*cx),
                            num(*cy),
                            num(radius + line.width / 2.0)
                        ),
                    );
                    outer = radius + line.width;
                }
                let outline = stroke.map(|line| (self.colour(line.paint), line.width));
                let drawn = Drawn::new("circle", &[*cx, *cy, *radius, outer]);
                self.record
                    .push(drawn.painted(Some(self.colour(*fill)), outline));
            }
            Prim::Text {
                x,
                y,
                size,
                font_size,
                text,
                paint,
            } => {
                // The baseline that centres the type on the line box.
                let centre = y + size.1 / 2.0;
                let baseline = baseline(centre, *font_size);
                put(
                    self.out,
                    format_args!(
                        "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{}>{}</text>\n",
                        num(*x),
                        num(baseline),
                        num(*font_size),
                        self.fill(*paint),
                        escape_markup(text)
                    ),
                );
                let drawn = Drawn::run(text, *x, centre, *font_size);
                self.record
                    .push(drawn.painted(Some(self.colour(*paint)), None));
            }
            Prim::PushClip(rect) => {
                self.clips += 1;
                put(
                    self.out,
                    format_args!(
                        "<clipPath id=\"clip{n}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></clipPath>\n\
                         <g clip-path=\"url(#clip{n})\">\n",
                        num(rect.x0),
                        num(rect.y0),
                        num((rect.x1 - rect.x0).max(0.0)),
                        num((rect.y1 - rect.y0).max(0.0)),
                        n = self.clips
                    ),
                );
                self.record
                    .push(Drawn::new("clip", &[rect.x0, rect.y0, rect.x1, rect.y1]));
            }
            Prim::PopClip => {
                self.out.push_str("</g>\n");
                self.record.push(Drawn::new("unclip", &[]));
            }
        }
    }
}

/// Points as SVG lists them: `x,y x,y …`.
fn point_list(points: &[(f32, f32)]) -> String {
    points
        .iter()
        .map(|&(x, y)| format!("{},{}", num(x), num(y)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A path around a rectangle with rounded corners (radii clockwise from the top left).
fn rounded(x0: f32, y0: f32, x1: f32, y1: f32, [nw, ne, se, sw]: [f32; 4]) -> String {
    let limit = ((x1 - x0) / 2.0).min((y1 - y0) / 2.0).max(0.0);
    let (nw, ne, se, sw) = (nw.min(limit), ne.min(limit), se.min(limit), sw.min(limit));
    format!(
        "M{},{} H{} Q{},{} {},{} V{} Q{},{} {},{} H{} Q{},{} {},{} V{} Q{},{} {},{} Z",
        num(x0 + nw),
        num(y0),
        num(x1 - ne),
        num(x1),
        num(y0),
        num(x1),
        num(y0 + ne),
        num(y1 - se),
        num(x1),
        num(y1),
        num(x1 - se),
        num(y1),
        num(x0 + sw),
        num(x0),
        num(y1),
        num(x0),
        num(y1 - sw),
        num(y0 + nw),
        num(x0),
        num(y0),
        num(x0 + nw),
        num(y0)
    )
}
