"""Two middlewares around the page cache (core/page_cache.py), so that a search served
from the cache is counted as one served fresh:

- SearchRecordCarrierMiddleware, right after the page cache: a freshly rendered answer
  that noted a search (recording.searched) carries it in a header, which the cache
  stores with the page's other headers;
- SearchRecordMiddleware, right before the page cache: whatever answer comes back,
  cached or fresh, its header is taken off and the search is written after the answer
  has been sent (the response's closers run once the server has written it), so the
  visitor never waits for the write.
"""

from . import recording


class SearchRecordCarrierMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        value = recording.header_value(request)
        if value is not None:
            response[recording.HEADER] = value
        return response


class SearchRecordMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        value = response.get(recording.HEADER)
        if value is not None:
            del response[recording.HEADER]
        # A HEAD request, or an answer other than the results, shows nobody any result.
        if value is not None and request.method == "GET" and response.status_code == 200 and recording.enabled():
            search = recording.search_from_header(value)
            # Django's own hook for work once the server is done with the answer (it
            # closes a FileResponse's file the same way); HttpResponse.close() runs it.
            response._resource_closers.append(lambda: recording.record_search(search))
        return response
