"""What the program does, as plain functions over a Session: the GUI and the CLI both call these.

Services validate input (raising ValidationError with the field named), never commit (the
caller's ``archive.session()`` block is the transaction), and read lists as row tuples.
"""
