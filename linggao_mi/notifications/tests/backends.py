"""E-mail backends for tests: one that always fails, one that fails for chosen recipients."""

from django.core.mail.backends.locmem import EmailBackend


class FailingBackend(EmailBackend):
    def send_messages(self, messages):
        raise ConnectionError("邮件服务器无响应（测试）")


class FlakyBackend(EmailBackend):
    """Fails for any message to an address in `failing` — the mail server dropping mid-run."""

    failing: set[str] = set()

    def send_messages(self, messages):
        for message in messages:
            if set(message.to) & self.failing:
                raise ConnectionError(f"发送给{message.to}失败（测试）")
        return super().send_messages(messages)
