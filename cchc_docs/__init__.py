"""cchc-docs: văn bản cải cách hành chính cấp xã, đúng thể thức Nghị định 30/2020/NĐ-CP.

The package turns a plan described in YAML into the decision that adopts it, the
attached plan and its task appendix, and (later) the periodic reports on it.
"""

__version__ = "0.1.0"
