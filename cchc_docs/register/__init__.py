"""The outgoing-document register (sổ đăng ký văn bản đi): each number issued once, in order, in SQLite.

One register per issuing body, a file beside its plans (``so-van-ban-di.sqlite``). Numbers
run from 01 on 1 January in each series (one shared series, or one per document type:
Nghị định 30/2020, Điều 15); `cchc-docs issue` takes the next one, writes it into the
data and renders the issued document, and nothing can leave a number twice or a gap.
"""
