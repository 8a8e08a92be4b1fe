"""Lists: every Source with rows as printed (ListMembership), each row's match, the review
queue of rows held at import, where a case appears, and cross-references between lists."""
