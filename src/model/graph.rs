//! The dependency graph formed by links, as far as plain data can tell: cycles.

use std::collections::HashMap;

use super::{ItemId, Link};

/// Finds a loop among `links`, if there is one, and returns the items in it in link order
/// (the first item is repeated implicitly: the last one links back to it).
pub fn find_cycle(links: &[Link]) -> Option<Vec<ItemId>> {
    let mut successors: HashMap<ItemId, Vec<ItemId>> = HashMap::new();
    for link in links {
        successors.entry(link.from).or_default().push(link.to);
    }
    // Iterative depth-first search with colours: 1 = on the stack, 2 = finished.
    let mut colour: HashMap<ItemId, u8> = HashMap::new();
    let mut roots: Vec<ItemId> = links.iter().map(|link| link.from).collect();
    roots.sort_unstable();
    roots.dedup();
    for root in roots {
        if colour.contains_key(&root) {
            continue;
        }
        let mut stack: Vec<(ItemId, usize)> = vec![(root, 0)];
        colour.insert(root, 1);
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            let children = successors.get(&node).map_or(&[][..], Vec::as_slice);
            if let Some(&child) = children.get(*next) {
                *next += 1;
                match colour.get(&child) {
                    None => {
                        colour.insert(child, 1);
                        stack.push((child, 0));
                    }
                    Some(1) => {
                        let begin = stack
                            .iter()
                            .position(|&(id, _)| id == child)
                            .unwrap_or_default();
                        return Some(stack[begin..].iter().map(|&(id, _)| id).collect());
                    }
                    Some(_) => {}
                }
            } else {
                colour.insert(node, 2);
                stack.pop();
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LinkKind;

    fn link(from: u32, to: u32) -> Link {
        Link {
            from: ItemId(from),
            to: ItemId(to),
            kind: LinkKind::FinishToStart,
            lag_workdays: 0,
        }
    }

    #[test]
    fn no_cycle_in_a_diamond() {
        let links = [link(1, 2), link(1, 3), link(2, 4), link(3, 4)];
        assert_eq!(find_cycle(&links), None, "a diamond is acyclic");
    }

    #[test]
    fn names_the_items_in_the_loop() {
        let links = [link(1, 2), link(2, 3), link(3, 4), link(4, 2)];
        assert_eq!(
            find_cycle(&links),
            Some(vec![ItemId(2), ItemId(3), ItemId(4)]),
            "the loop is 2 → 3 → 4 → 2, without 1"
        );
    }

    #[test]
    fn a_self_link_is_a_loop() {
        assert_eq!(find_cycle(&[link(5, 5)]), Some(vec![ItemId(5)]), "5 → 5");
    }
}
