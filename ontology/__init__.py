"""The vocabulary, shapes, record types and errors shared by extract/ and graph/."""
