"""StreamField blocks of a module: short, readable learning content."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtailmedia.blocks import AudioChooserBlock, VideoChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class VideoBlock(blocks.StructBlock):
    video = VideoChooserBlock(label=_("video"))
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "courses/blocks/video.html"


class AudioBlock(blocks.StructBlock):
    audio = AudioChooserBlock(label=_("audio"))
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "media"
        label = _("Audio")
        template = "courses/blocks/audio.html"


class AnswerChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("answer"))
    correct = blocks.BooleanBlock(label=_("correct answer"), required=False)
    feedback = blocks.TextBlock(
        label=_("feedback"), help_text=_("Shown after the learner chose this answer.")
    )


class KnowledgeCheckBlock(blocks.StructBlock):
    """A multiple-choice question with feedback on every answer; exactly one answer is right."""

    question = blocks.CharBlock(label=_("question"))
    choices = blocks.ListBlock(AnswerChoiceBlock(), min_num=2, max_num=6, label=_("answers"))

    class Meta:
        icon = "help"
        label = _("Knowledge check")
        template = "courses/blocks/knowledge_check.html"

    def clean(self, value):
        value = super().clean(value)
        if sum(1 for choice in value["choices"] if choice["correct"]) != 1:
            raise StructBlockValidationError(
                block_errors={"choices": ValidationError(_("Mark exactly one answer as correct."))}
            )
        return value


class ReflectionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"))
    guidance = blocks.TextBlock(label=_("guidance"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Reflection question")
        template = "courses/blocks/reflection.html"


class CaseVignetteBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"))
    story = blocks.RichTextBlock(label=_("story"), features=RICH_TEXT_FEATURES)
    questions = blocks.ListBlock(blocks.CharBlock(label=_("question")), label=_("questions"))

    class Meta:
        icon = "user"
        label = _("Case vignette")
        template = "courses/blocks/case_vignette.html"


class ResourceBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    description = blocks.CharBlock(label=_("description"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Downloadable resource")
        template = "courses/blocks/resource.html"


class HelpCalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("kind"),
        choices=[("help", _("Where to find help")), ("selfcare", _("Self-care"))],
        default="help",
    )
    text = blocks.RichTextBlock(label=_("text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Help or self-care callout")
        template = "courses/blocks/help_callout.html"


class ExternalResourceBlock(blocks.StructBlock):
    """Third-party content shown as a link, never embedded: no foreign scripts or trackers."""

    url = blocks.URLBlock(label=_("address"))
    title = blocks.CharBlock(label=_("title"))
    description = blocks.TextBlock(label=_("description"), required=False)

    class Meta:
        icon = "link-external"
        label = _("Embed (external resource)")
        template = "courses/blocks/embed.html"


class ModuleBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    video = VideoBlock()
    audio = AudioBlock()
    knowledge_check = KnowledgeCheckBlock()
    reflection = ReflectionBlock()
    case_vignette = CaseVignetteBlock()
    resource = ResourceBlock()
    help_callout = HelpCalloutBlock()
    embed = ExternalResourceBlock()


class ToolBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    resource = ResourceBlock()
    video = VideoBlock()
    help_callout = HelpCalloutBlock()
    embed = ExternalResourceBlock()


class ToolMaterialsBlock(blocks.StreamBlock):
    material = ResourceBlock()


class ChapterBlock(blocks.StructBlock):
    start_seconds = blocks.IntegerBlock(label=_("starts at (seconds)"), min_value=0)
    title = blocks.CharBlock(label=_("title"))

    class Meta:
        icon = "list-ol"
        label = _("Chapter")


# Roles of the Podcast Taxonomy Project, which podcast:person names in the feed.
SPEAKER_ROLES = [("host", _("Host")), ("co-host", _("Co-host")), ("guest", _("Guest"))]


class SpeakerValue(blocks.StructValue):
    def role_label(self):
        return dict(SPEAKER_ROLES).get(self.get("role"), "")


class SpeakerBlock(blocks.StructBlock):
    """Someone heard in a podcast episode, as podcast apps list the people of an episode."""

    name = blocks.CharBlock(label=_("name"), max_length=128)
    role = blocks.ChoiceBlock(label=_("role"), choices=SPEAKER_ROLES, default="host")

    class Meta:
        icon = "user"
        label = _("Speaker")
        value_class = SpeakerValue
