from django import template

register = template.Library()


@register.simple_tag
def review_actions(page, user):
    """The review task waiting on `page` and the actions `user` may take on it there
    (Approve, Request changes...), as Wagtail's page editor offers them; none when
    the page waits for no review or the user may not act on it."""
    state = page.current_workflow_task_state
    if state is None:
        return None, []
    return state, state.task.specific.get_actions(page, user)
