"""The sentences a report writes from the indicator counts, and the paragraph kinds they are made of.

Each function turns one group of counts from the status file into sentences, with
every share keeping its numerator and denominator, and with natural wording where a
count is zero ("chưa tổ chức kiểm tra", not "tổ chức 0 cuộc kiểm tra").
"""

from __future__ import annotations

from cchc_docs import vn
from cchc_docs.contexts import report_figures


def assigned_sentences(a) -> list[dict]:
    if a is None:
        return []
    in_progress = a.assigned - a.done_on_time - a.done_late - a.overdue
    return [text(f"Đối với nhiệm vụ được cấp trên giao: tổng số {n(a.assigned)} nhiệm vụ; hoàn thành đúng hạn "
                 f"{n(a.done_on_time)}, hoàn thành quá hạn {n(a.done_late)}, quá hạn chưa hoàn thành {n(a.overdue)}, "
                 f"đang thực hiện {n(in_progress)} nhiệm vụ.")]


def inspection_sentences(i) -> list[dict]:
    if i is None:
        return []
    if not i.held:
        return [text("Trong kỳ, chưa tổ chức kiểm tra cải cách hành chính.")]
    units = report_figures.share(i.units_inspected, i.units_total)
    found = (f"phát hiện {n(i.issues_found)} vấn đề, đã khắc phục, xử lý {n(i.issues_resolved)} vấn đề"
             if i.issues_found else "không phát hiện vấn đề cần khắc phục")
    return [text(f"Trong kỳ, tổ chức {n(i.held)} cuộc kiểm tra cải cách hành chính tại {n(i.units_inspected)} "
                 f"cơ quan, đơn vị" + (f", đạt {units.text} số cơ quan, đơn vị thuộc và trực thuộc" if units else "")
                 + f"; {found}.")]


def outreach_sentences(o, level_word: str) -> list[dict]:
    if o is None:
        return []
    parts = [f"{words.format(n(count))}" for count, words in (
        (o.articles, "đăng tải {} tin, bài"), (o.broadcasts, f"phát {{}} lượt tin trên đài truyền thanh {level_word}"),
        (o.meetings, "tổ chức {} hội nghị, buổi tuyên truyền về cải cách hành chính")) if count]
    if not parts:
        return [text("Trong kỳ, chưa tổ chức tuyên truyền cải cách hành chính bằng tin, bài, hội nghị.")]
    sentence = "; ".join(parts)
    return [text(sentence[0].upper() + sentence[1:] + ".")]


def satisfaction_sentences(s) -> list[dict]:
    if s is None:
        return []
    rate = report_figures.share(s.satisfied, s.evaluations)
    return [text(f"Tiếp nhận {n(s.evaluations)} lượt đánh giá việc giải quyết thủ tục hành chính, trong đó "
                 f"{n(s.satisfied)} lượt hài lòng, rất hài lòng" + (f", đạt {rate.text}" if rate else "") + ".")]


def document_bullets(d) -> list[dict]:
    if d is None:
        return []
    issued = (f"Ban hành {n(d.issued)} văn bản quy phạm pháp luật" if d.issued
              else "Không ban hành văn bản quy phạm pháp luật")
    if not d.reviewed:
        reviewed = "chưa rà soát văn bản"
    elif not d.flagged:
        reviewed = f"rà soát {n(d.reviewed)} văn bản, không phát hiện văn bản trái pháp luật hoặc không còn phù hợp"
    else:
        reviewed = (f"rà soát {n(d.reviewed)} văn bản, phát hiện {n(d.flagged)} văn bản trái pháp luật hoặc không còn "
                    f"phù hợp, đã xử lý {n(d.handled)} văn bản")
    return [bullet(f"{issued}; {reviewed}.")]


def procedure_bullets(p, level_word: str) -> list[dict]:
    if p is None:
        return []
    published = report_figures.share(p.published, p.total)
    return [bullet(f"Số thủ tục hành chính thuộc thẩm quyền giải quyết của {level_word}: {n(p.total)}; "
                   "công khai đầy đủ "
                   f"{n(p.published)}" + (f", đạt {published.text}" if published else "") + "; cung cấp dịch vụ công "
                   f"trực tuyến toàn trình {n(p.online_full)}, một phần {n(p.online_partial)} thủ tục.")]


def dossier_bullets(d) -> list[dict]:
    if d is None:
        return []
    g = report_figures.dossier_figures(d)
    result = [
        bullet(f"Tiếp nhận {n(g.received)} hồ sơ (trực tiếp {n(d.received_in_person)}, trực tuyến "
               f"{n(d.received_online)}, qua dịch vụ bưu chính công ích {n(d.received_by_post)}); kỳ trước chuyển sang "
               f"{n(d.carried_over)} hồ sơ."
               + (f" Tỷ lệ hồ sơ tiếp nhận trực tuyến: {g.online.text}." if g.online else "")),
        bullet(f"Đã giải quyết {n(g.resolved)} hồ sơ (trước hạn {n(d.resolved_early)}, "
               f"đúng hạn {n(d.resolved_on_time)}, quá hạn {n(d.resolved_late)})"
               + (f", tỷ lệ giải quyết trước hạn và đúng hạn {g.resolved_in_time.text}" if g.resolved_in_time else "")
               + f"; đang giải quyết {n(g.pending)} hồ sơ (trong hạn {n(g.pending_on_time)}, quá hạn "
               f"{n(d.pending_overdue)}); gửi {n(d.apologies)} thư xin lỗi do giải quyết quá hạn."),
    ]
    online = [(label, value) for label, value in (
        ("hồ sơ được theo dõi trạng thái xử lý trên Hệ thống thông tin giải quyết thủ tục hành chính", g.tracked),
        ("hồ sơ được số hóa", g.digitised),
        ("kết quả giải quyết được số hóa", g.results_digitised),
    ) if value]
    if online:
        result.append(bullet("Tỷ lệ " + "; ".join(f"{label}: {value.text}" for label, value in online) + "."))
    if d.online_payments is not None:
        result.append(bullet(f"Số hồ sơ thanh toán phí, lệ phí trực tuyến: {n(d.online_payments)}."))
    return result


def feedback_bullets(fb) -> list[dict]:
    if fb is None:
        return []
    done = report_figures.share(fb.resolved, fb.received)
    return [bullet(f"Tiếp nhận {n(fb.received)} phản ánh, kiến nghị về quy định hành chính, đã xử lý {n(fb.resolved)}"
                   + (f", đạt {done.text}" if done else "") + ".")]


def staff_bullets(s) -> list[dict]:
    if s is None or s.quota is None or s.actual is None:
        return []
    return [bullet(f"Biên chế được giao: {n(s.quota)}; số cán bộ, công chức có mặt: {n(s.actual)}.")]


def training_bullets(s) -> list[dict]:
    if s is None:
        return []
    return [bullet(f"Cử {n(s.trained)} lượt cán bộ, công chức tham gia đào tạo, bồi dưỡng; "
                   f"số cán bộ, công chức bị xử lý kỷ luật: {n(s.disciplined)}.")]


def digital_bullets(d) -> list[dict]:
    if d is None:
        return []
    sent = report_figures.share(d.sent_electronically, d.documents_sent)
    signed = report_figures.share(d.signed_digitally, d.documents_sent)
    return [bullet(f"Văn bản đi: {n(d.documents_sent)}, trong đó gửi dưới dạng điện tử {n(d.sent_electronically)}"
                   + (f" (tỷ lệ {inner_share(sent)})" if sent else "") + f", ký số {n(d.signed_digitally)}"
                   + (f" (tỷ lệ {inner_share(signed)})" if signed else "") + ".")]


def inner_share(share: report_figures.Share) -> str:
    """A share inside parentheses: ``98,1%, 1.288/1.313`` (no parentheses within parentheses)."""
    return f"{share.percent}, {n(share.numerator)}/{n(share.denominator)}"


def text(s: str) -> dict:
    return {"kind": "text", "lead": "", "text": s}


def bullet(s: str) -> dict:
    return {"kind": "text", "lead": "- ", "text": s}


def sub(s: str) -> dict:
    return {"kind": "text", "lead": "+ ", "text": s}


def n(value: int) -> str:
    return vn.format_number(value)
