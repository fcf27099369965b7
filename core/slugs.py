def first_free(base, taken):
    """`base`, or `base-2`, `base-3`... whichever is not taken."""
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def free_slug(parent, base):
    """A slug no child of `parent` has yet (Wagtail requires unique sibling slugs)."""
    return first_free(base, set(parent.get_children().values_list("slug", flat=True)))
