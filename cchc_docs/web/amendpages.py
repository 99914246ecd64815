"""The amendments page (placeholder)."""

from starlette.routing import Route

from cchc_docs.web.pages import page, plan_of


async def amendments(request):
    ref = plan_of(request)
    return page(request, "error.html", {"title": "Sửa đổi", "lines": [], "plan": ref})


ROUTES = [Route("/ke-hoach/{plan:path}/sua-doi", amendments, methods=["GET", "POST"], name="amendments")]
