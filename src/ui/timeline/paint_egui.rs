//! The egui back-end of the timeline painter ([`crate::timeline::paint`]): draws its primitives
//! with an [`egui::Painter`] in a [`Palette`]'s colours, and can record what it emitted so that
//! a test can hold it against the SVG back-end. Decides nothing about the picture.

use egui::{Color32, CornerRadius, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, pos2};

use crate::timeline::paint::{Box2, Drawn, Edge, Line, Paint, Prim};
use crate::ui::theme::Palette;

/// Draws primitives on one painter; keeps the clips open between calls.
pub struct EguiPainter<'a> {
    /// The painter of the whole canvas: its clip is the outermost.
    base: Painter,
    /// Where each open clip clips to (already intersected with the ones around it).
    clips: Vec<Rect>,
    /// Colours.
    palette: &'a Palette,
    /// What was emitted, when recording.
    record: Option<Vec<Drawn>>,
}

impl<'a> EguiPainter<'a> {
    /// A back-end drawing on `base` in `palette`'s colours; records what it emits if `record`.
    pub fn new(base: Painter, palette: &'a Palette, record: bool) -> Self {
        Self {
            base,
            clips: Vec::new(),
            palette,
            record: record.then(Vec::new),
        }
    }

    /// What was emitted so far (empty when not recording).
    pub fn into_record(self) -> Vec<Drawn> {
        self.record.unwrap_or_default()
    }

    /// The painter for the current clip.
    fn painter(&self) -> Painter {
        match self.clips.last() {
            Some(clip) => self.base.with_clip_rect(*clip),
            None => self.base.clone(),
        }
    }

    /// The egui colour of `paint`.
    fn colour(&self, paint: Paint) -> Color32 {
        let rgb = paint.role.rgb(self.palette.tokens);
        let solid = Color32::from_rgb(rgb.0, rgb.1, rgb.2);
        if paint.opacity >= 1.0 {
            solid
        } else {
            solid.gamma_multiply(paint.opacity)
        }
    }

    fn stroke(&self, line: Line) -> Stroke {
        Stroke::new(line.width, self.colour(line.paint))
    }

    /// The fill colour of a filled shape and its outline (none without `stroke`).
    fn fill_and_outline(&self, fill: Paint, stroke: Option<Line>) -> (Color32, Stroke) {
        let outline = stroke.map_or(Stroke::NONE, |line| self.stroke(line));
        (self.colour(fill), outline)
    }

    /// Records `drawn` filled with `fill` and, when it was stroked, outlined with `outline`.
    fn push_filled(&mut self, drawn: Drawn, fill: Color32, outline: Option<Stroke>) {
        let ink = outline.map(|outline| (outline.color.to_array(), outline.width));
        self.push(drawn.painted(Some(fill.to_array()), ink));
    }

    fn push(&mut self, drawn: Drawn) {
        if let Some(record) = &mut self.record {
            record.push(drawn);
        }
    }

    /// Draws `prims` in order.
    pub fn draw(&mut self, prims: &[Prim]) {
        for prim in prims {
            self.draw_one(prim);
        }
    }

    fn draw_one(&mut self, prim: &Prim) {
        match prim {
            Prim::Rect {
                rect,
                radius,
                fill,
                stroke,
            } => {
                let area = rect_of(*rect);
                let [nw, ne, se, sw] = radius.map(|r| r.round().clamp(0.0, 255.0) as u8);
                let corners = CornerRadius { nw, ne, sw, se };
                let painter = self.painter();
                if let Some(fill) = fill {
                    let colour = self.colour(*fill);
                    painter.rect_filled(area, corners, colour);
                    let drawn = Drawn::rounded_rect(
                        [area.min.x, area.min.y, area.max.x, area.max.y],
                        [corners.nw, corners.ne, corners.se, corners.sw].map(f32::from),
                    );
                    self.push(drawn.painted(Some(colour.to_array()), None));
                }
                if let Some((line, edge)) = stroke {
                    let stroke = self.stroke(*line);
                    let (kind, outer) = match edge {
                        Edge::Inside => (StrokeKind::Inside, area),
                        Edge::Outside => (StrokeKind::Outside, area.expand(stroke.width)),
                    };
                    painter.rect_stroke(area, corners, stroke, kind);
                    let drawn = Drawn::new(
                        "outline",
                        &[outer.min.x, outer.min.y, outer.max.x, outer.max.y],
                    );
                    self.push(drawn.painted(None, Some((stroke.color.to_array(), stroke.width))));
                }
            }
            Prim::Polyline { points, line } => {
                let stroke = self.stroke(*line);
                let points: Vec<Pos2> = points.iter().map(|&(x, y)| pos2(x, y)).collect();
                let shape = if let [from, to] = points.as_slice() {
                    Shape::line_segment([*from, *to], stroke)
                } else {
                    Shape::line(points.clone(), stroke)
                };
                self.painter().add(shape);
                let drawn = Drawn::through("line", points.iter().map(|p| (p.x, p.y)));
                self.push(drawn.painted(None, Some((stroke.color.to_array(), stroke.width))));
            }
            Prim::Polygon {
                points,
                fill,
                stroke,
            } => {
                let (fill, outline) = self.fill_and_outline(*fill, *stroke);
                let points: Vec<Pos2> = points.iter().map(|&(x, y)| pos2(x, y)).collect();
                self.painter()
                    .add(Shape::convex_polygon(points.clone(), fill, outline));
                let drawn = Drawn::through("polygon", points.iter().map(|p| (p.x, p.y)));
                self.push_filled(drawn, fill, stroke.map(|_| outline));
            }
            Prim::Circle {
                centre: (x, y),
                radius,
                fill,
                stroke,
            } => {
                let (fill, outline) = self.fill_and_outline(*fill, *stroke);
                self.painter().circle(pos2(*x, *y), *radius, fill, outline);
                let drawn = Drawn::new("circle", &[*x, *y, *radius, radius + outline.width]);
                self.push_filled(drawn, fill, stroke.map(|_| outline));
            }
            Prim::Text {
                x,
                y,
                font_size,
                text,
                paint,
                ..
            } => {
                let colour = self.colour(*paint);
                let painter = self.painter();
                let galley =
                    painter.layout_no_wrap(text.clone(), FontId::proportional(*font_size), colour);
                let centre = y + galley.size().y / 2.0;
                painter.galley(pos2(*x, *y), galley, colour);
                let drawn = Drawn::run(text, *x, centre, *font_size);
                self.push(drawn.painted(Some(colour.to_array()), None));
            }
            Prim::PushClip(rect) => {
                let outer = self.clips.last().copied().unwrap_or(self.base.clip_rect());
                self.clips.push(rect_of(*rect).intersect(outer));
                self.push(Drawn::new("clip", &[rect.x0, rect.y0, rect.x1, rect.y1]));
            }
            Prim::PopClip => {
                self.clips.pop();
                self.push(Drawn::new("unclip", &[]));
            }
        }
    }
}

/// The egui rectangle of a painter box.
pub fn rect_of(rect: Box2) -> Rect {
    Rect::from_min_max(pos2(rect.x0, rect.y0), pos2(rect.x1, rect.y1))
}
