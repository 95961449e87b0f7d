"""The library and the China briefing paper in Simplified Chinese (zh-hans).

A translation of the English demo copy (resources.demo), written for readers
in mainland China: 人权捍卫者 for "human rights defenders", 条约机构 for the
UN "treaty bodies". The paper's PDF stays the English one, as the page says.
"""

LANGUAGE_CODE = "zh-hans"

LIBRARY = {
    "title": "资料库",
    "intro": ("关于与联合国合作者遭受恐吓和报复问题的报告、简报、意见书和声明。"),
}

# The briefing paper on China and the treaty bodies (its English slug).
PAPER_SLUG = "china-un-treaty-bodies"
PAPER = {
    "title": "中国与联合国人权条约机构体系",
    "summary": (
        "中国如何在联合国人权条约机构中施加影响：从限缩各委员会可审议的范围，"
        "到向希望向专家介绍情况的独立团体施压。文末附有给委员会委员和各国的建议。"
    ),
    "search_description": (
        "中国在联合国人权条约机构中的影响，以及独立团体向委员会专家提供信息时所受的压力。"
    ),
    "body": [
        (
            "text",
            "<p>条约机构是由独立专家组成的委员会，负责审查各国如何落实核心人权"
            "公约。在对中国的定期审议中，官方代表团对多个委员会的职权提出异议，"
            "并质疑独立非政府组织所提交的影子报告是否可信。</p>"
            "<p>一些原计划向委员会委员介绍情况的团体表示曾受到警告，出行也遇到"
            "阻碍。各委员会应对信息提交渠道严格保密，并跟进每一项恐吓指控。</p>"
            "<p>本页为中文摘要；可供下载的 PDF 全文为英文。</p>",
        )
    ],
}
