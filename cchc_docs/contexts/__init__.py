"""Context builders: pure functions from the validated model to the plain dict a template renders.

Everything a reader sees as *format* — numbering, the ``;`` … ``.`` endings, ``./.``,
the "Lưu" line, blanks in drafts, rule lengths — is decided here, so templates only
lay text out and the rules of Nghị định 30/2020/NĐ-CP are tested as plain data.
"""
