"""Course packages: a course with its files and translations as one versioned zip.

A municipality exports a course it made (`package_export`), another installation checks the
archive (`archive.py`), previews what it would change and imports it atomically
(`importer.py`), and later takes newer versions of the same course in place. The format is
described in schema.py and in the README ("Course packages"). `standards/` writes the same
course for other learning platforms (SCORM 1.2, IMS Common Cartridge).
"""
