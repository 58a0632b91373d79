/**
 * Method names that std/core/alloc types and traits (and the most used crates' extension traits) define. When a
 * receiver's type is unknown, a workspace method with one of these names is not assumed to be the callee: `v.pop()` is
 * far more often `Vec::pop` than the workspace's own `pop`. A missing edge is better than a wrong one.
 */
const NAMES = `
new default clone clone_from to_owned to_string into from try_into try_from as_ref as_mut borrow borrow_mut deref deref_mut drop
eq ne cmp partial_cmp lt le gt ge max min clamp hash fmt write_str write_fmt write write_all flush read read_to_string read_to_end
read_exact read_line lines bytes chars char_indices split split_whitespace splitn rsplit rsplitn split_once rsplit_once trim
trim_start trim_end trim_matches strip_prefix strip_suffix starts_with ends_with contains find rfind replace replacen to_lowercase
to_uppercase to_ascii_lowercase to_ascii_uppercase parse len is_empty push push_str pop insert remove clear truncate extend
extend_from_slice append drain retain dedup sort sort_by sort_by_key sort_unstable sort_unstable_by sort_unstable_by_key reverse
iter iter_mut into_iter get get_mut get_or_insert get_or_insert_with first last first_mut last_mut split_at split_first
split_last chunks windows join concat repeat swap fill resize capacity reserve shrink_to_fit with_capacity as_slice as_str
as_bytes as_ptr as_mut_ptr to_vec into_boxed_slice binary_search contains_key entry or_insert or_insert_with or_default keys
values values_mut remove_entry and_modify next next_back peek map filter filter_map flat_map flatten fold try_fold for_each
try_for_each collect count sum product any all position rposition enumerate zip chain take skip take_while skip_while step_by
rev cloned copied inspect last nth by_ref partition unzip min_by max_by min_by_key max_by_key cycle fuse scan find_map unwrap
expect unwrap_or unwrap_or_else unwrap_or_default unwrap_err expect_err ok err ok_or ok_or_else and_then or_else map_err map_or
map_or_else is_some is_none is_ok is_err as_deref as_deref_mut take replace filter xor zip transpose copied cloned lock try_lock
read write send recv try_recv join spawn wait notify_one notify_all load store swap compare_exchange fetch_add fetch_sub
get_ref get_mut into_inner set call call_mut call_once poll await exists is_file is_dir file_name file_stem extension parent
display to_path_buf to_str to_string_lossy with_extension with_file_name components canonicalize metadata display kind
description source cause type_id as_any downcast downcast_ref is abs pow sqrt checked_add checked_sub checked_mul saturating_add
saturating_sub wrapping_add wrapping_sub to_le_bytes to_be_bytes from_str from_utf8 push_back push_front pop_back pop_front
front back is_char_boundary elapsed duration_since now as_secs as_millis subsec_nanos stdout stderr stdin lock build finish
serialize deserialize visit_str visit_map visit_seq next_element next_key next_value error custom with_context context
boxed into_boxed as_path to_path exit matches is_match captures status output args env var current_dir
`;

/** The names above, as a set. */
export const STD_METHOD_NAMES: ReadonlySet<string> = new Set(NAMES.split(/\s+/).filter(Boolean));
