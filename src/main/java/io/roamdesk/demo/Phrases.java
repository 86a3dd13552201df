package io.roamdesk.demo;

import java.util.List;

/** Message texts for generated data, in Chinese and English. */
final class Phrases {

    static final List<String> TEXTS = List.of(
            "早上好！今天的站会改到十点。",
            "Good morning! Stand-up moves to 10:00 today.",
            "我在新手机上登录了，聊天记录都还在，太好了。",
            "Logged in on my new phone and all my history is there.",
            "周末一起去爬山吗？",
            "Anyone up for a hike this weekend?",
            "发布说明我已经更新到文档里了。",
            "I've put the release notes into the doc.",
            "收到，谢谢！",
            "Got it, thanks!",
            "这个 bug 在 2.3.1 里已经修复了。",
            "That bug is fixed in 2.3.1.",
            "晚上七点在老地方见。",
            "See you at seven, usual place.",
            "能把合同的最新版本发我一下吗？",
            "Could you send me the latest version of the contract?",
            "客户反馈说消息同步有延迟。",
            "The customer says message sync is lagging.",
            "今天下雨，记得带伞。",
            "It's raining today, take an umbrella.",
            "我们下周二再讨论预算。",
            "Let's discuss the budget next Tuesday.",
            "生日快乐！🎂",
            "Happy birthday! 🎂",
            "会议纪要：一、上线时间定在月底；二、灰度发布 10%。",
            "Minutes: 1) launch at month end; 2) 10% canary first.",
            "好的，我马上处理。",
            "OK, on it right now.",
            "请问发票抬头写公司全称吗？",
            "Should the invoice carry the company's full name?");

    static final List<String> FILES = List.of("季度报告.pdf", "design-v3.sketch", "合同-终版.docx", "logs.zip",
            "roadmap.xlsx");

    static final List<String> PLACES = List.of("北京市朝阳区望京SOHO", "上海市浦东新区陆家嘴", "Berlin Hauptbahnhof",
            "深圳市南山区科技园", "London King's Cross");

    private Phrases() {
    }
}
