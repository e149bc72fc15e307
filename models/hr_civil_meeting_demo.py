"""Demo meetings of the demo agency (VKSND TP Cần Thơ), generated relative to the install date.

Called once from demo/hr_civil_meeting_demo.xml, after the demo diaries, and played through the models' own
workflow (schedule, hold, approve) so that attendance, calendar events, reports, carry-over and activities are
what a real run gives:

- the series "Giao ban tuần", every Monday at 07:30, chaired by the Viện trưởng: the briefings of the last four
  weeks (and of this week once its Monday is past) held, with the participants' reports prefilled from their
  diary lines, a Phó Viện trưởng's summary of the units they lead, one absence with a reason and one without,
  the minutes (approved but for the latest), two or three directives each; some directives progress or are
  completed through the assignees' diary lines, two are overdue, the open ones follow the next briefings;
  the coming Monday's briefing is scheduled, its reports waiting to be filled in;
- the Party cell "Chi bộ Phòng 1 – Phòng 8" (8 official members, 1 probationary) and its monthly meetings of
  the last five months, the latest with a thematic part and a resolution adopted by 7 of the 8 official
  members; a member absent without reason three times in a year gets the cell committee's striking-off to-do.

Existing demo series and cells (by xml id) are left alone: a second call does nothing.
"""

import re
from datetime import timedelta

from markupsafe import Markup, escape

from odoo import SUPERUSER_ID, Command, api, fields, models

DEMO = "hr_civil_service."
DEMO_TZ = "Asia/Ho_Chi_Minh"
BRIEFING_SERIES = "meeting_series_briefing_demo"
CELL = "party_cell_demo"
CELL_SERIES = "meeting_series_cell_demo"
CELL_MONTHS = 5  # five monthly meetings: three of them always fall in one calendar year

DIRECTOR = "employee_director_demo"
DEPUTY_JUDICIAL = "employee_deputy_judicial_demo"
DEPUTY_ECONOMIC = "employee_deputy_economic_demo"
P1_HEAD = "employee_p1_head_demo"
P1_DEPUTY = "employee_p1_deputy_demo"
STAFF = "employee_p1_prosecutor_1_demo"
LINH = "employee_p1_prosecutor_2_demo"
PHONG = "employee_p1_prosecutor_3_demo"
NGAN = "employee_p1_prosecutor_4_demo"
P2_HEAD = "employee_p2_head_demo"
P2_DEPUTY = "employee_p2_deputy_demo"
TRI = "employee_p2_prosecutor_1_demo"
P8_HEAD = "employee_p8_head_demo"
TAM = "employee_p8_prosecutor_demo"
DUC = "employee_p8_examiner_demo"
TTR_HEAD = "employee_inspection_head_demo"
SON = "employee_inspection_prosecutor_demo"
OFFICE_HEAD = "employee_office_head_demo"
KHOA = "employee_office_personnel_demo"
DIEM = "employee_office_emulation_demo"

P1 = "department_prosecution_social_order_demo"
P2 = "department_prosecution_economic_demo"
P8 = "department_detention_demo"
TTR = "department_inspection_demo"
OFFICE = "department_office_demo"

LOCATION = "Phòng họp số 1, trụ sở Viện kiểm sát nhân dân thành phố Cần Thơ"
CELL_LOCATION = "Hội trường tầng 3, trụ sở Viện kiểm sát nhân dân thành phố Cần Thơ"

# The briefing: heads and deputies, the two Phó Viện trưởng, a few officials; the secretary is from the office.
BRIEFING_PARTICIPANTS = [
    DIRECTOR,
    DEPUTY_JUDICIAL,
    DEPUTY_ECONOMIC,
    P1_HEAD,
    P1_DEPUTY,
    P2_HEAD,
    P2_DEPUTY,
    P8_HEAD,
    TTR_HEAD,
    OFFICE_HEAD,
    STAFF,
    NGAN,
    KHOA,
    DIEM,
]
# A Phó Viện trưởng reports on the units they lead (report_type "area_summary").
AREAS = {DEPUTY_JUDICIAL: [P1, P8], DEPUTY_ECONOMIC: [P2, OFFICE, TTR]}
# Briefings are keyed by weeks back from this week's Monday (0 = this week, held once its Monday is past).
BRIEFING_WEEKS = (4, 3, 2, 1, 0)
BRIEFING_ABSENCES = {
    4: {TTR_HEAD: "Trưởng đoàn thanh tra tại VKSND khu vực 2 theo Quyết định số 15/QĐ-VKS-TTr"},
    3: {P2_DEPUTY: "Nghỉ phép năm, đã báo cáo đồng chí Phó Viện trưởng phụ trách", KHOA: False},
    1: {DEPUTY_JUDICIAL: "Dự phiên tòa phúc thẩm vụ án trọng điểm tại Tòa án nhân dân cấp cao tại TP. Hồ Chí Minh"},
}
DISCUSSIONS = {
    4: "Văn phòng đề nghị các đơn vị gửi hồ sơ công chức phục vụ Đoàn kiểm tra công tác cán bộ của VKSND tối cao "
    "trước thứ Tư. Phòng 8 báo cáo việc bố trí giam giữ chung buồng chưa đúng quy định tại Nhà tạm giữ Công an "
    "quận Ninh Kiều. Phòng 1 đề xuất rà soát lại các vụ án tạm đình chỉ điều tra kéo dài.",
    3: "Phòng 1 báo cáo vụ cướp giật tài sản có 05 bị can sắp hết thời hạn truy tố. Phòng 2 đề nghị lãnh đạo Viện "
    "làm việc với Cơ quan Cảnh sát điều tra về tiến độ vụ tham ô tài sản tại Công ty TNHH MTV Xây dựng Phú An. "
    "Văn phòng báo cáo Quy chế làm việc hiện hành có nhiều nội dung không còn phù hợp.",
    2: "VKSND tối cao yêu cầu báo cáo án điểm vụ Lê Văn Tùng phạm tội cố ý gây thương tích. Công an thành phố đề "
    "nghị Viện cử Kiểm sát viên tham gia đoàn kiểm tra liên ngành về quản lý, xử lý vật chứng tại Công an quận "
    "Bình Thủy. Thanh tra báo cáo tiến độ cuộc thanh tra tại VKSND khu vực 2.",
    1: "Tỷ lệ án trả hồ sơ để điều tra bổ sung của khối nghiệp vụ còn cao so với chỉ tiêu của ngành. Văn phòng đề "
    "nghị các đơn vị hoàn thành đăng ký thi đua để chuẩn bị Hội nghị tổng kết công tác năm.",
    0: "Các đơn vị tập trung giải quyết án tồn đọng, chuẩn bị số liệu cho báo cáo tổng kết công tác năm.",
}

# Directives of each briefing: deadline as (weeks back, weekday); progress from diary lines (see PROGRESS).
DIRECTIVES = {
    4: [
        {
            "key": "cadre_inspection",
            "name": "Chuẩn bị đầy đủ hồ sơ, tài liệu phục vụ Đoàn kiểm tra công tác cán bộ của VKSND tối cao",
            "assignees": [KHOA],
            "department": OFFICE,
            "deadline": (4, 2),
            "priority": "2",
        },
        {
            "key": "suspended_cases",
            "name": "Rà soát toàn bộ các vụ án tạm đình chỉ điều tra theo Kế hoạch 18/KH-VKS, báo cáo kết quả bằng "
            "văn bản",
            "assignees": [STAFF],
            "department": P1,
            "deadline": (2, 4),
            "priority": "1",
        },
        {
            "key": "holding_cells",
            "name": "Kiểm sát trực tiếp Nhà tạm giữ Công an quận Ninh Kiều, kiến nghị khắc phục việc giam giữ chung "
            "buồng",
            "assignees": [P8_HEAD, DUC],
            "department": P8,
            "deadline": (3, 4),
            "priority": "1",
        },
    ],
    3: [
        {
            "key": "indictment",
            "name": "Hoàn thành dự thảo cáo trạng vụ cướp giật tài sản (05 bị can), trình lãnh đạo Viện đúng thời hạn",
            "assignees": [NGAN],
            "department": P1,
            "deadline": (1, 4),
            "priority": "2",
        },
        {
            "key": "work_rules",
            "name": "Dự thảo Quy chế làm việc sửa đổi của Viện, gửi các đơn vị góp ý",
            "assignees": [OFFICE_HEAD],
            "department": OFFICE,
            "deadline": (2, 3),
            "priority": "0",
        },
        {
            "key": "embezzlement",
            "name": "Ban hành yêu cầu điều tra bổ sung vụ tham ô tài sản tại Công ty TNHH MTV Xây dựng Phú An",
            "assignees": [TRI, P2_HEAD],
            "department": P2,
            "deadline": (2, 4),
            "priority": "1",
        },
    ],
    2: [
        {
            "key": "key_case_report",
            "name": "Báo cáo án điểm vụ Lê Văn Tùng phạm tội cố ý gây thương tích theo yêu cầu của VKSND tối cao",
            "assignees": [STAFF],
            "department": P1,
            "deadline": (1, 2),
            "priority": "2",
        },
        {
            "key": "evidence_inspection",
            "name": "Cử Kiểm sát viên tham gia đoàn kiểm tra liên ngành việc quản lý, xử lý vật chứng tại Công an "
            "quận Bình Thủy",
            "assignees": [LINH],
            "department": P1,
            "deadline": (1, 4),
            "priority": "0",
        },
        {
            "key": "inspection_conclusion",
            "name": "Hoàn thiện dự thảo kết luận thanh tra tại VKSND khu vực 2, trình Viện trưởng",
            "assignees": [TTR_HEAD, SON],
            "department": TTR,
            "deadline": (0, 4),
            "priority": "1",
        },
    ],
    1: [
        {
            "key": "returned_files",
            "name": "Thống kê các vụ án trả hồ sơ để điều tra bổ sung từ đầu năm, phân tích nguyên nhân, báo cáo "
            "Viện trưởng",
            "assignees": [P1_HEAD, P2_HEAD],
            "department": False,
            "deadline": (-1, 4),
            "priority": "1",
        },
        {
            "key": "emulation",
            "name": "Tổng hợp đăng ký thi đua, dự thảo Kế hoạch tổ chức Hội nghị tổng kết công tác năm",
            "assignees": [DIEM],
            "department": OFFICE,
            "deadline": (-1, 2),
            "priority": "0",
        },
    ],
    0: [
        {
            "key": "year_report",
            "name": "Chuẩn bị số liệu, dự thảo báo cáo tổng kết công tác năm của khối nghiệp vụ",
            "assignees": [DEPUTY_JUDICIAL, P1_HEAD, P8_HEAD],
            "department": False,
            "deadline": (-2, 4),
            "priority": "1",
        },
        {
            "key": "salary_review",
            "name": "Rà soát hồ sơ đề nghị nâng bậc lương trước thời hạn năm nay",
            "assignees": [KHOA],
            "department": OFFICE,
            "deadline": (-1, 3),
            "priority": "0",
        },
    ],
}
# Diary lines of the demo diaries that serve a directive: (directive, employee, weeks back, weekday, task code
# or words of the description, progress %). They are linked once the directive exists, before the next briefing.
PROGRESS = [
    ("cadre_inspection", KHOA, 4, 2, "Đoàn kiểm tra công tác cán bộ", 100),
    ("holding_cells", DUC, 3, 1, "(ngày 1)", 50),
    ("holding_cells", DUC, 3, 2, "(ngày 2)", 100),
    ("suspended_cases", STAFF, 3, 3, "rà soát án tạm đình chỉ", 60),
    ("embezzlement", TRI, 2, 3, "C.04", 100),
    ("indictment", NGAN, 1, 0, "C.07", 30),
    ("indictment", NGAN, 1, 1, "C.07", 60),
    ("indictment", NGAN, 1, 4, "C.07", 100),
    ("key_case_report", STAFF, 1, 1, "Lê Văn Tùng", 100),
    ("evidence_inspection", LINH, 1, 1, "đoàn kiểm tra liên ngành", 100),
]
# A new line on the assignee's current draft sheet: it counts once the day is submitted.
NEW_LINE = (
    "emulation",
    DIEM,
    "B.08",
    0.5,
    "Tổng hợp đăng ký thi đua của các đơn vị; dự thảo Kế hoạch tổ chức Hội nghị tổng kết công tác năm",
    40,
)

# Problems and plans of each participant, one pair a week in turn.
REPORT_TEXTS = {
    DIRECTOR: [
        (
            "",
            "Làm việc với Thường trực Thành ủy về công tác phối hợp; duyệt cáo trạng các vụ án trọng điểm; chủ trì "
            "hội ý lãnh đạo Viện.",
        ),
        ("", "Dự hội nghị trực tuyến của VKSND tối cao; chủ trì họp Ban cán sự đảng; duyệt kế hoạch thanh tra."),
    ],
    DEPUTY_JUDICIAL: [
        (
            "Phòng 1 còn 03 vụ án sắp hết thời hạn điều tra, cần phối hợp chặt chẽ với Cơ quan Cảnh sát điều tra. "
            "Phòng 8 thiếu Kiểm sát viên do một đồng chí đi học tập trung.",
            "Duyệt dự thảo cáo trạng của Phòng 1; trực tiếp kiểm sát Trại tạm giam Công an thành phố; dự họp liên "
            "ngành về án trọng điểm.",
        ),
        (
            "Tỷ lệ án trả hồ sơ để điều tra bổ sung của Phòng 1 còn cao so với chỉ tiêu.",
            "Chỉ đạo Phòng 1 rà soát án tạm đình chỉ; thực hành quyền công tố tại phiên tòa sơ thẩm vụ Lê Văn Tùng.",
        ),
    ],
    DEPUTY_ECONOMIC: [
        (
            "Vụ tham ô tại Công ty TNHH MTV Xây dựng Phú An có nhiều tài liệu phải trưng cầu giám định, kéo dài "
            "thời hạn điều tra.",
            "Làm việc với Cơ quan điều tra về tiến độ vụ tham ô; duyệt kế hoạch thanh tra quý; chỉ đạo Văn phòng "
            "chuẩn bị Hội nghị tổng kết.",
        ),
        (
            "Kinh phí chi thường xuyên quý IV còn hạn hẹp, cần cân đối lại dự toán.",
            "Duyệt báo cáo tài chính quý; tiếp công dân định kỳ; chỉ đạo Thanh tra hoàn thiện kết luận thanh tra.",
        ),
    ],
    P1_HEAD: [
        (
            "Tin báo, tố giác tội phạm tăng; mỗi Kiểm sát viên đang thụ lý nhiều vụ việc cùng lúc.",
            "Phân công Kiểm sát viên thụ lý 04 vụ án mới khởi tố; duyệt 06 báo cáo đề xuất; kiểm tra hồ sơ kiểm sát "
            "của phòng.",
        ),
        (
            "Cơ quan điều tra chậm chuyển hồ sơ đề nghị phê chuẩn, ảnh hưởng đến thời hạn tố tụng.",
            "Tổ chức rút kinh nghiệm vụ án bị hủy; hoàn thành báo cáo thống kê tháng; duyệt nhật ký công tác của "
            "phòng.",
        ),
    ],
    P1_DEPUTY: [
        (
            "Một số biên bản hỏi cung chưa thể hiện đầy đủ quyền của bị can, đã yêu cầu Điều tra viên khắc phục.",
            "Kiểm tra hồ sơ 03 vụ án sắp kết thúc điều tra; hỏi cung bị can vụ trộm cắp tài sản tại quận Ninh Kiều.",
        ),
        ("Không có vướng mắc.", "Duyệt dự thảo yêu cầu điều tra; kiểm sát bản án sơ thẩm của TAND khu vực 1."),
    ],
    P2_HEAD: [
        (
            "Vụ tham ô tại Công ty TNHH MTV Xây dựng Phú An cần trưng cầu giám định tài chính; đề nghị lãnh đạo Viện "
            "làm việc với Cơ quan Cảnh sát điều tra.",
            "Chỉ đạo ban hành yêu cầu điều tra bổ sung; nghiên cứu hồ sơ đề xuất phê chuẩn quyết định khởi tố bị can.",
        ),
        (
            "Phòng còn thiếu 01 Kiểm sát viên so với Đề án vị trí việc làm.",
            "Kiểm tra tiến độ các vụ án kinh tế, tham nhũng; báo cáo án điểm theo yêu cầu của VKSND tối cao.",
        ),
    ],
    P2_DEPUTY: [
        ("Không có vướng mắc.", "Kiểm sát bản án; hỏi cung bị can vụ lừa đảo chiếm đoạt tài sản qua mạng."),
        (
            "Vụ lừa đảo qua mạng có nhiều bị hại ở các tỉnh, cần ủy thác lấy lời khai.",
            "Nghiên cứu hồ sơ đề xuất phê chuẩn lệnh bắt, lệnh tạm giam; lập hồ sơ kiểm sát.",
        ),
    ],
    P8_HEAD: [
        (
            "Nhà tạm giữ Công an quận Ninh Kiều còn bố trí giam giữ chung buồng không đúng quy định.",
            "Trực tiếp kiểm sát Nhà tạm giữ Công an quận Ninh Kiều; dự thảo kiến nghị khắc phục vi phạm.",
        ),
        (
            "Không có vướng mắc.",
            "Kiểm sát việc thi hành án treo tại Ủy ban nhân dân các phường; tổng hợp số liệu thi hành án hình sự.",
        ),
    ],
    TTR_HEAD: [
        (
            "Đoàn thanh tra chưa nhận đủ hồ sơ từ VKSND khu vực 2.",
            "Hoàn thiện dự thảo kết luận thanh tra; giải quyết 02 đơn khiếu nại thuộc thẩm quyền.",
        ),
        (
            "Đơn khiếu nại, tố cáo gửi vượt cấp tăng so với cùng kỳ.",
            "Tiếp công dân định kỳ; phân loại đơn; xây dựng kế hoạch thanh tra năm tới.",
        ),
    ],
    OFFICE_HEAD: [
        (
            "Đường truyền phòng họp trực tuyến thường xuyên gián đoạn, đề nghị nâng cấp.",
            "Tổng hợp báo cáo công tác tháng; xây dựng lịch công tác của lãnh đạo Viện; đôn đốc thực hiện kết luận "
            "giao ban.",
        ),
        ("Không có vướng mắc.", "Dự thảo Quy chế làm việc sửa đổi; chuẩn bị Hội nghị cán bộ, công chức."),
    ],
    STAFF: [
        (
            "Cơ quan Cảnh sát điều tra chậm trả lời yêu cầu điều tra vụ cố ý gây thương tích.",
            "Hỏi cung bị can vụ Lê Văn Tùng; nghiên cứu hồ sơ đề xuất phê chuẩn; cập nhật hồ sơ kiểm sát.",
        ),
        (
            "Không có vướng mắc.",
            "Tiếp tục rà soát án tạm đình chỉ theo Kế hoạch 18/KH-VKS; kiểm sát việc giải quyết nguồn tin về tội phạm.",
        ),
    ],
    NGAN: [
        (
            "Hồ sơ vụ cướp giật tài sản có 05 bị can, khối lượng lớn, thời hạn ban hành cáo trạng gấp.",
            "Hoàn thành dự thảo cáo trạng; ban hành yêu cầu điều tra.",
        ),
        ("Không có vướng mắc.", "Kiểm sát bản án; hỏi cung bị can."),
    ],
    KHOA: [
        (
            "Hồ sơ công chức của một số đồng chí chưa cập nhật bản khai bổ sung lý lịch.",
            "Chuẩn bị hồ sơ phục vụ Đoàn kiểm tra công tác cán bộ; dự thảo quyết định nâng bậc lương thường xuyên.",
        ),
        ("Không có vướng mắc.", "Rà soát quy hoạch cán bộ lãnh đạo, quản lý; cập nhật phần mềm quản lý cán bộ."),
    ],
    DIEM: [
        (
            "Một số đơn vị gửi bản đăng ký thi đua chậm.",
            "Tổng hợp đăng ký thi đua; dự thảo tờ trình khen thưởng theo chuyên đề.",
        ),
        (
            "Không có vướng mắc.",
            "Theo dõi, đôn đốc thực hiện kết luận giao ban; chuẩn bị Hội nghị tổng kết phong trào thi đua.",
        ),
    ],
}
# Who has already sent their report for the coming briefing; the others still have to.
EARLY_REPORTERS = {DEPUTY_JUDICIAL, DEPUTY_ECONOMIC, P1_HEAD, P2_HEAD, P8_HEAD, TTR_HEAD, OFFICE_HEAD, DIEM}

# The Party cell: (employee, official, years in the Party); the probationary member joins between two meetings.
CELL_MEMBERS = [
    (DEPUTY_JUDICIAL, True, 24),
    (P1_HEAD, True, 17),
    (P1_DEPUTY, True, 12),
    (P8_HEAD, True, 15),
    (STAFF, True, 8),
    (LINH, True, 6),
    (PHONG, True, 9),
    (TAM, True, 5),
    (NGAN, False, 0),
]
CELL_ABSENT_WITHOUT_REASON = PHONG
# (index of the meeting, oldest first) -> (employee, reason)
CELL_EXCUSED = {0: (P8_HEAD, "Đi công tác tại Hà Nội theo Quyết định cử đi công tác"), 3: (LINH, "Nghỉ ốm")}
THEMATIC_TOPIC = "Chuyên đề: Nâng cao kỷ luật, kỷ cương hành chính"
CELL_CONTENTS = [
    (
        "Quán triệt Nghị quyết của Đảng ủy VKSND thành phố; đánh giá tiến độ giải quyết án của Phòng 1 và Phòng 8.",
        "Lãnh đạo đảng viên giải quyết án đúng thời hạn, không để án quá hạn do nguyên nhân chủ quan; Phòng 8 tăng "
        "cường kiểm sát trực tiếp các nhà tạm giữ.",
    ),
    (
        "Xét đề nghị kết nạp quần chúng Ngô Thị Kim Ngân vào Đảng; phân công đảng viên giúp đỡ.",
        "Đề nghị Đảng ủy xem xét, quyết định kết nạp quần chúng Ngô Thị Kim Ngân; phân công đồng chí Võ Thị Ngọc "
        "Lan giúp đỡ đảng viên dự bị.",
    ),
    (
        "Sơ kết công tác quý; đăng ký thi đua và cam kết hoàn thành chỉ tiêu nghiệp vụ.",
        "Mỗi đảng viên đăng ký ít nhất một việc làm cụ thể; hoàn thành 100% chỉ tiêu giải quyết án trong quý.",
    ),
    (
        "Kiểm điểm việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh theo Chỉ thị 05-CT/TW.",
        "Mỗi đảng viên xây dựng kế hoạch làm theo gắn với nhiệm vụ được giao; chi ủy kiểm tra định kỳ hằng quý.",
    ),
    (
        "Đánh giá nhiệm vụ chính trị của tháng; sinh hoạt chuyên đề về kỷ luật, kỷ cương hành chính.",
        "Đảng viên chấp hành nghiêm giờ giấc làm việc, cập nhật nhật ký công tác hằng ngày; không để văn bản quá "
        "hạn; chi ủy kiểm tra, giám sát việc thực hiện và báo cáo kết quả vào kỳ sinh hoạt tới.",
    ),
]
THEMATIC_REPORT = (
    "BÁO CÁO CHUYÊN ĐỀ\nNâng cao kỷ luật, kỷ cương hành chính trong Chi bộ Phòng 1 – Phòng 8\n\n"
    "1. Thực trạng: một số đảng viên cập nhật nhật ký công tác chậm, có văn bản tố tụng ban hành sát thời hạn.\n"
    "2. Nguyên nhân: khối lượng án lớn; việc kiểm tra, đôn đốc của lãnh đạo phòng chưa thường xuyên.\n"
    "3. Giải pháp: cập nhật nhật ký trong ngày; lãnh đạo phòng duyệt nhật ký hằng ngày; công khai việc chậm "
    "thời hạn tại giao ban tuần; gắn kết quả với đánh giá, xếp loại đảng viên cuối năm.\n"
)


def _as(user, records):
    """The records as that user, without the rest of the batch in their prefetch (it may not be theirs)."""
    return records.with_user(user).browse(records.ids)


def _number(value):
    """A quantity the Vietnamese way: 1,5 rather than 1.5."""
    return f"{value:g}".replace(".", ",")


def _short(department):
    return department.name.split(" – ")[0]


class HrCivilMeeting(models.Model):
    _inherit = "hr.civil.meeting"

    @api.model
    def _generate_demo_meetings(self):
        """Create the demo briefings and Party cell meetings, unless they exist already.

        Runs as the superuser, in Vietnamese when the language is installed; the chair and the cell secretary
        approve the minutes with their own users. No e-mail is queued: the calendar invitations and to-dos are
        created without being sent.
        """
        lang = self.env["res.lang"]._get_code("vi_VN") or self.env.context.get("lang")  # the agency's language
        Meeting = (
            self.with_user(SUPERUSER_ID)
            .sudo()
            .with_context(
                lang=lang,
                tz=DEMO_TZ,
                tracking_disable=True,
                mail_create_nosubscribe=True,
                mail_activity_quick_update=True,
                no_mail_to_attendees=True,
            )
        )
        gen = _MeetingDemo(Meeting)
        if not gen.ready:
            return False
        if not Meeting.env.ref(DEMO + BRIEFING_SERIES, raise_if_not_found=False):
            gen.briefings()
        if not Meeting.env.ref(DEMO + CELL, raise_if_not_found=False):
            gen.party_cell()
        return True


class _MeetingDemo:
    """One generation run: the demo people, the calendar, the directives created so far."""

    def __init__(self, Meeting):
        self.Meeting = Meeting
        self.env = Meeting.env
        ref = self.env.ref
        xmlids = set(BRIEFING_PARTICIPANTS) | {member for member, _official, _years in CELL_MEMBERS} | {TRI, DUC, SON}
        self.employees = {xmlid: ref(DEMO + xmlid, raise_if_not_found=False) for xmlid in xmlids}
        self.departments = {xmlid: ref(DEMO + xmlid, raise_if_not_found=False) for xmlid in (P1, P2, P8, TTR, OFFICE)}
        self.leader = ref(DEMO + "user_leader_demo", raise_if_not_found=False)
        self.supervisor = ref(DEMO + "user_supervisor_demo", raise_if_not_found=False)
        self.ready = bool(
            all(employee and employee.active for employee in self.employees.values())
            and all(self.departments.values())
            and self.leader
            and self.supervisor
        )
        self.today = fields.Date.context_today(Meeting)
        self.this_monday = self.today - timedelta(days=self.today.weekday())
        self.company = self.employees[DIRECTOR].company_id if self.ready else None
        self.items = {}  # directive key -> action item
        self.progress_done = set()

    def day(self, weeks, weekday):
        return self.this_monday - timedelta(weeks=weeks) + timedelta(days=weekday)

    def emp(self, *xmlids):
        return self.env["hr.employee"].browse([self.employees[xmlid].id for xmlid in xmlids])

    def xmlid_of(self, employee):
        return next((xmlid for xmlid, record in self.employees.items() if record == employee), None)

    def _register(self, record, name):
        self.env["ir.model.data"]._update_xmlids([{"xml_id": DEMO + name, "record": record, "noupdate": True}])

    # ------------------------------------------------------------------
    # Weekly briefings
    # ------------------------------------------------------------------
    def briefings(self):
        held_weeks = [weeks for weeks in BRIEFING_WEEKS if self.day(weeks, 0) < self.today]
        series = self.env["hr.civil.meeting.series"].create(
            {
                "name": "Giao ban tuần",
                "type_id": self.env.ref(DEMO + "meeting_type_briefing").id,
                "company_id": self.company.id,
                "frequency": "weekly",
                "weekday": "0",
                "hour": 7.5,
                "duration": 2.0,
                "tz": DEMO_TZ,
                "date_start": self.day(held_weeks[0], 0),
                "weeks_ahead": 1,
                "location": LOCATION,
                "chair_id": self.employees[DIRECTOR].id,
                "secretary_id": self.employees[DIEM].id,
                "participant_ids": [Command.set(self.emp(*BRIEFING_PARTICIPANTS).ids)],
            }
        )
        self._register(series, BRIEFING_SERIES)
        held = self.Meeting
        for index, weeks in enumerate(held_weeks):
            held |= self._held_briefing(series, weeks, index)
        self._link_progress(before=None)
        self._add_draft_line()
        for meeting in held[:-1]:
            _as(self.leader, meeting).action_approve_minutes()
        self._flag_overlap(held)
        upcoming = series.action_schedule_meetings().sorted("date_start")
        for index, meeting in enumerate(upcoming):
            meeting.agenda = self._briefing_agenda()
            self._fill_reports(meeting, len(held_weeks) + index, who=EARLY_REPORTERS if not index else set())
        self._close_done_items()
        return series

    def _held_briefing(self, series, weeks, index):
        day = self.day(weeks, 0)
        self._link_progress(before=day)
        meeting = self.Meeting.create(
            {
                "name": series.name,
                "series_id": series.id,
                "type_id": series.type_id.id,
                "company_id": self.company.id,
                "date_start": series._utc_start(day),
                "duration": series.duration,
                "location": series.location,
                "chair_id": series.chair_id.id,
                "secretary_id": series.secretary_id.id,
                "agenda": self._briefing_agenda(),
            }
        )
        meeting.action_schedule()
        absences = BRIEFING_ABSENCES.get(weeks, {})
        unexcused = {xmlid for xmlid, reason in absences.items() if not reason}
        self._fill_reports(meeting, index, who=set(BRIEFING_PARTICIPANTS) - unexcused)
        for xmlid, reason in absences.items():
            attendee = meeting.attendee_ids.filtered(lambda a, x=xmlid: a.employee_id == self.employees[x])
            attendee.write({"attendance": "excused" if reason else "unexcused", "reason": reason or False})
        meeting.action_hold()
        followed = meeting.discussed_item_ids.sorted("id")
        directives = self._create_directives(meeting, weeks)
        meeting.minutes = self._briefing_minutes(meeting, weeks, followed, directives)
        return meeting

    def _briefing_agenda(self):
        return Markup(
            "<ol><li>Các đơn vị báo cáo kết quả công tác tuần qua, khó khăn, vướng mắc và kế hoạch tuần tới.</li>"
            "<li>Kiểm điểm việc thực hiện kết luận các cuộc giao ban trước.</li>"
            "<li>Viện trưởng kết luận, giao nhiệm vụ tuần tới.</li></ol>"
        )

    def _fill_reports(self, meeting, index, who):
        """Problems and plans of those who reported; a Phó Viện trưởng sums up their area."""
        for report in meeting.report_ids:
            xmlid = self.xmlid_of(report.employee_id)
            if xmlid not in who or xmlid not in REPORT_TEXTS:
                continue
            problems, plan = REPORT_TEXTS[xmlid][index % len(REPORT_TEXTS[xmlid])]
            vals = {"problems": problems or False, "next_week_plan": plan}
            if xmlid in AREAS:
                vals["report_type"] = "area_summary"
                summary = self._area_summary(AREAS[xmlid], report.week_start, report.week_end)
                own = report.last_week_results or ""
                vals["last_week_results"] = summary + ("\n\nCông việc của đồng chí phụ trách:\n" + own if own else "")
            report.write(vals)
            report.action_submit()

    def _area_summary(self, unit_xmlids, start, end):
        departments = self.env["hr.department"].browse([self.departments[x].id for x in unit_xmlids])
        lines = self.env["hr.work.diary.line"].search(
            [("department_id", "in", departments.ids), ("date", ">=", start), ("date", "<=", end)]
        )
        rows = [
            f"Tổng hợp khối {', '.join(_short(d) for d in departments)} "
            f"(tuần {start.strftime('%d/%m')} – {end.strftime('%d/%m/%Y')}):"
        ]
        for department in departments:
            mine = lines.filtered(lambda line, d=department: line.department_id == d)
            if not mine:
                continue
            days = len(set(mine.mapped(lambda line: (line.employee_id.id, line.date))))
            hours = sum(mine.mapped("converted_hours"))
            by_task = {}
            for line in mine.filtered("task_id"):
                by_task[line.task_id] = by_task.get(line.task_id, 0.0) + line.quantity
            top = sorted(by_task.items(), key=lambda pair: (-pair[1], pair[0].code))[:3]
            works = "; ".join(f"{task.name} ({_number(qty)})" for task, qty in top)
            rows.append(f"- {_short(department)}: {days} ngày công, {_number(round(hours, 1))} giờ quy đổi. {works}.")
        return "\n".join(rows)

    def _create_directives(self, meeting, weeks):
        Item = self.env["hr.civil.action.item"].with_user(self.leader)
        vals_list = []
        specs = DIRECTIVES.get(weeks, [])
        for spec in specs:
            department = self.departments.get(spec["department"]) if spec["department"] else False
            vals_list.append(
                {
                    "name": spec["name"],
                    "source_meeting_id": meeting.id,
                    "company_id": self.company.id,
                    "assignee_ids": [Command.set(self.emp(*spec["assignees"]).ids)],
                    "department_id": department.id if department else False,
                    "deadline": self.day(*spec["deadline"]),
                    "priority": spec["priority"],
                }
            )
        items = Item.create(vals_list).sudo()
        for spec, item in zip(specs, items, strict=True):
            self.items[spec["key"]] = item
        return items

    def _link_progress(self, before):
        """Diary lines of the assignees that serve a directive, up to the day before the next briefing."""
        Line = self.env["hr.work.diary.line"].with_context(civil_diary_workflow=True)
        for key, xmlid, weeks, weekday, match, progress in PROGRESS:
            day = self.day(weeks, weekday)
            if (key, day, match) in self.progress_done or key not in self.items or (before and day >= before):
                continue
            self.progress_done.add((key, day, match))
            lines = Line.search([("employee_id", "=", self.employees[xmlid].id), ("date", "=", day)])
            if re.fullmatch(r"[A-D]\.\d\d", match):
                line = lines.filtered(lambda line, m=match: line.task_id.code == m)[:1]
            else:
                line = lines.filtered(lambda line, m=match: m.lower() in line.name.lower())[:1]
            if line and not line.action_item_id:
                line.write({"action_item_id": self.items[key].id, "action_item_progress": progress})

    def _add_draft_line(self):
        key, xmlid, code, quantity, name, progress = NEW_LINE
        employee = self.employees[xmlid]
        task = self.env["hr.job.task"].search([("code", "=", code), ("company_id", "=", self.company.id)], limit=1)
        sheet = self.env["hr.work.diary"].search(
            [("employee_id", "=", employee.id), ("state", "=", "draft"), ("date", ">=", self.this_monday)],
            order="date desc",
            limit=1,
        )
        allowed = task and (task.group_id.open_to_all or employee.job_id in task.job_ids)
        if not (sheet and allowed and key in self.items and task._is_valid_on(sheet.date)):
            return
        if sheet.total_claimed_hours + task.standard_hours * quantity > sheet.company_id.civil_diary_max_daily_hours:
            return
        self.env["hr.work.diary.line"].create(
            {
                "diary_id": sheet.id,
                "sequence": 100,
                "task_id": task.id,
                "quantity": quantity,
                "name": name,
                "action_item_id": self.items[key].id,
                "action_item_progress": progress,
            }
        )

    def _close_done_items(self):
        """The assignee's to-do of a completed directive is marked done."""
        done = self.env["hr.civil.action.item"].browse([item.id for item in self.items.values()])
        for item in done.filtered(lambda item: item.state == "done"):
            item.activity_ids.action_feedback(feedback="Đã hoàn thành")

    def _flag_overlap(self, meetings):
        """Ngân attended last week's briefing on the Monday of her 9-hour days: the day's sheet, submitted before
        the briefing was recorded, gets the overlap flag it would have had."""
        rule = self.env.ref(DEMO + "flag_rule_meeting_overlap", raise_if_not_found=False)
        meeting = meetings.filtered(lambda m: m.date_start.date() == self.day(1, 0))
        if not rule or not meeting:
            return
        sheet = self.env["hr.work.diary"].search(
            [
                ("employee_id", "=", self.employees[NGAN].id),
                ("date", "=", self.day(1, 0)),
                ("state", "in", ("submitted", "approved")),
            ]
        )
        if not sheet or sheet.flag_ids.filtered(lambda flag: flag.rule_id == rule):
            return
        self.env["hr.work.diary.flag"].create(
            [
                {"diary_id": diary.id, "line_id": line.id if line else False, "rule_id": rule.id, "explanation": text}
                for diary, line, text in rule._evaluate(sheet)
            ]
        )

    def _status(self, item, day):
        """How far the item is on the day of the briefing that follows it up."""
        if item.state == "done":
            return f"đã hoàn thành ngày {item.done_date.strftime('%d/%m')}"
        text = f"đang thực hiện ({round(item.progress)}%)" if item.state == "in_progress" else "chưa có kết quả"
        if item.deadline and item.deadline < day:
            text += ", quá hạn"
        return text

    def _briefing_minutes(self, meeting, weeks, followed, directives):
        chair, secretary = meeting.chair_id, meeting.secretary_id
        attendees = meeting.attendee_ids
        present = attendees.filtered(lambda a: a.attendance == "present")
        excused = attendees.filtered(lambda a: a.attendance == "excused")
        unexcused = attendees.filtered(lambda a: a.attendance == "unexcused").employee_id
        local = fields.Datetime.context_timestamp(meeting, meeting.date_start)
        reports = meeting.report_ids.filtered(lambda r: r.state == "submitted")
        week = reports[:1] or meeting.report_ids[:1]
        html = Markup(
            "<p><strong>Thời gian:</strong> {time}, thứ Hai, ngày {day}. <strong>Địa điểm:</strong> {place}.</p>"
            "<p><strong>Chủ trì:</strong> đồng chí {chair}, {chair_title}. <strong>Thư ký:</strong> đồng chí "
            "{secretary}, {secretary_title}.</p>"
            "<p><strong>Thành phần:</strong> {present}/{total} đồng chí có mặt.{absent}{unexcused}</p>"
            "<p><strong>I. Báo cáo của các đơn vị</strong></p>"
            "<p>{reports} đồng chí gửi báo cáo kết quả công tác tuần từ {start} đến {end}; hai đồng chí Phó Viện "
            "trưởng tổng hợp theo khối được phân công. {discussion}</p>"
        ).format(
            time=local.strftime("%H giờ %M"),
            day=local.strftime("%d/%m/%Y"),
            place=meeting.location,
            chair=chair.name,
            chair_title=chair.job_title,
            secretary=secretary.name,
            secretary_title=secretary.job_title,
            present=len(present),
            total=len(attendees),
            absent=Markup(" Vắng có lý do: {}.").format(
                "; ".join(f"đồng chí {a.employee_id.name} ({a.reason})" for a in excused)
            )
            if excused
            else "",
            unexcused=Markup(" Vắng không có lý do: {}.").format(", ".join(unexcused.mapped("name")))
            if unexcused
            else "",
            reports=len(reports),
            start=week.week_start.strftime("%d/%m") if week else "",
            end=week.week_end.strftime("%d/%m/%Y") if week else "",
            discussion=DISCUSSIONS.get(weeks, ""),
        )
        html += Markup("<p><strong>II. Kiểm điểm việc thực hiện kết luận giao ban</strong></p>")
        if followed:
            html += Markup("<ul>{}</ul>").format(
                Markup().join(
                    Markup("<li>{} – {}: {} (hạn {}).</li>").format(
                        item.name,
                        ", ".join(item.assignee_ids.mapped("name")),
                        self._status(item, local.date()),
                        item.deadline.strftime("%d/%m") if item.deadline else "",
                    )
                    for item in followed
                )
            )
        else:
            html += Markup("<p>Không có việc tồn đọng từ cuộc giao ban trước.</p>")
        html += Markup("<p><strong>III. Kết luận của đồng chí {}</strong></p><ol>{}</ol>").format(
            chair.job_title,
            Markup().join(
                Markup("<li>{}. Giao: {}; hạn hoàn thành: {}.</li>").format(
                    item.name,
                    ", ".join(item.assignee_ids.mapped("name")),
                    item.deadline.strftime("%d/%m/%Y"),
                )
                for item in directives
            ),
        )
        end = fields.Datetime.context_timestamp(meeting, meeting.date_end)
        html += Markup("<p>Cuộc họp kết thúc lúc {} cùng ngày.</p>").format(escape(end.strftime("%H giờ %M")))
        return html

    # ------------------------------------------------------------------
    # Party cell
    # ------------------------------------------------------------------
    def party_cell(self):
        series = self._cell_series()
        cell = series.cell_id
        days = series._occurrences(self.today - timedelta(days=1))[-CELL_MONTHS:]
        by_year = {}
        for day in days:
            by_year.setdefault(day.year, []).append(day)
        # this year's last three meetings; early in the year, those of the year before
        year = self.today.year
        if len(by_year.get(year, [])) < 3:
            year = max(by_year, key=lambda key: len(by_year[key]))
        absent_days = set(by_year.get(year, [])[-3:])
        probationary = cell.member_ids.filtered(lambda m: m.member_type == "probationary")
        if len(days) > 2:
            probationary.date_joined = days[1] + timedelta(days=7)
        for index, day in enumerate(days):
            self._cell_meeting(series, day, index, len(days), absent_days)
        series.action_schedule_meetings()
        return cell

    def _cell_series(self):
        first = self.today.replace(day=1) - timedelta(days=CELL_MONTHS * 31)
        cell = self.env["hr.civil.party.cell"].create(
            {
                "name": "Chi bộ Phòng 1 – Phòng 8",
                "company_id": self.company.id,
                "department_ids": [Command.set([self.departments[P1].id, self.departments[P8].id])],
                "secretary_id": self.employees[P1_HEAD].id,
                "committee_user_ids": [Command.set(self.supervisor.ids)],
                "member_ids": [
                    Command.create(
                        {
                            "employee_id": self.employees[xmlid].id,
                            "member_type": "official" if official else "probationary",
                            "date_joined": self.today.replace(day=1, month=5) - timedelta(days=365 * years)
                            if official
                            else first,
                        }
                    )
                    for xmlid, official, years in CELL_MEMBERS
                ],
            }
        )
        self._register(cell, CELL)
        series = self.env["hr.civil.meeting.series"].create(
            {
                "name": "Sinh hoạt chi bộ định kỳ",
                "type_id": self.env.ref(DEMO + "meeting_type_cell_regular").id,
                "company_id": self.company.id,
                "frequency": "monthly",
                "weekday": "2",
                "hour": 14.0,
                "duration": 2.0,
                "tz": DEMO_TZ,
                "date_start": first.replace(day=1),
                "weeks_ahead": 4,
                "location": CELL_LOCATION,
                "chair_id": self.employees[P1_HEAD].id,
                "secretary_id": self.employees[P1_DEPUTY].id,
                "cell_id": cell.id,
            }
        )
        self._register(series, CELL_SERIES)
        return series

    def _cell_meeting(self, series, day, index, count, absent_days):
        last = index == count - 1
        content, resolution = CELL_CONTENTS[len(CELL_CONTENTS) - count + index]
        vals = {
            "name": f"Sinh hoạt chi bộ định kỳ tháng {day.strftime('%m/%Y')}",
            "series_id": series.id,
            "type_id": series.type_id.id,
            "company_id": self.company.id,
            "date_start": series._utc_start(day),
            "duration": 2.5 if last else series.duration,
            "location": series.location,
            "chair_id": series.chair_id.id,
            "secretary_id": series.secretary_id.id,
            "cell_id": series.cell_id.id,
            "agenda": Markup("<ol><li>{}</li><li>Phương hướng, nhiệm vụ tháng tới.</li></ol>").format(content),
        }
        if last:
            report = self.env["ir.attachment"].create(
                {
                    "name": "Báo cáo chuyên đề kỷ luật, kỷ cương hành chính.txt",
                    "raw": THEMATIC_REPORT.encode(),
                    "mimetype": "text/plain",
                }
            )
            vals.update(
                has_thematic_part=True,
                topic=THEMATIC_TOPIC,
                presenter_id=self.employees[DEPUTY_JUDICIAL].id,
                prepared_report_ids=[Command.set(report.ids)],
            )
        meeting = self.Meeting.create(vals)
        meeting.action_schedule()
        excused = CELL_EXCUSED.get(index)
        for attendee in meeting.attendee_ids:
            if day in absent_days and attendee.employee_id == self.employees[CELL_ABSENT_WITHOUT_REASON]:
                attendee.attendance = "unexcused"
            elif excused and attendee.employee_id == self.employees[excused[0]]:
                attendee.write({"attendance": "excused", "reason": excused[1]})
        meeting.action_hold()
        present = meeting.attendee_ids.filtered(lambda a: a.attendance == "present").employee_id
        officials = series.cell_id._members_on(day, official_only=True).employee_id
        votes = len(officials & present)
        meeting.write(
            {
                "minutes": self._cell_minutes(meeting, content, last),
                "resolution": Markup(
                    "<p><strong>Nghị quyết Chi bộ tháng {month}</strong></p><p>{text}</p>"
                    "<p>Biểu quyết: {votes}/{members} đảng viên chính thức tán thành.</p>"
                ).format(month=day.strftime("%m/%Y"), text=resolution, votes=votes, members=len(officials)),
                "vote_for": votes,
            }
        )
        _as(self.supervisor, meeting).action_approve_minutes()
        return meeting

    def _cell_minutes(self, meeting, content, thematic):
        attendees = meeting.attendee_ids
        members = meeting.cell_id._members_on(meeting.date_start.date())
        present = attendees.filtered(lambda a: a.attendance == "present")
        excused = attendees.filtered(lambda a: a.attendance == "excused")
        unexcused = attendees.filtered(lambda a: a.attendance == "unexcused")
        local = fields.Datetime.context_timestamp(meeting, meeting.date_start)
        html = Markup(
            "<p><strong>Thời gian:</strong> {time}, ngày {day}. <strong>Địa điểm:</strong> {place}.</p>"
            "<p><strong>Chủ trì:</strong> đồng chí {chair}, Bí thư Chi bộ. <strong>Thư ký:</strong> đồng chí "
            "{secretary}.</p>"
            "<p><strong>Đảng viên:</strong> tổng số {total} ({official} chính thức, {probationary} dự bị); có mặt "
            "{present}; vắng có lý do {excused}{excused_names}; vắng không có lý do {unexcused}{unexcused_names}.</p>"
            "<p><strong>Nội dung:</strong> {content}</p>"
        ).format(
            time=local.strftime("%H giờ %M"),
            day=local.strftime("%d/%m/%Y"),
            place=meeting.location,
            chair=meeting.chair_id.name,
            secretary=meeting.secretary_id.name,
            total=len(members),
            official=len(members.filtered(lambda m: m.member_type == "official")),
            probationary=len(members.filtered(lambda m: m.member_type == "probationary")),
            present=len(present),
            excused=len(excused),
            excused_names=f" ({', '.join(excused.employee_id.mapped('name'))})" if excused else "",
            unexcused=len(unexcused),
            unexcused_names=f" ({', '.join(unexcused.employee_id.mapped('name'))})" if unexcused else "",
            content=content,
        )
        if thematic:
            html += Markup(
                "<p><strong>Sinh hoạt chuyên đề:</strong> đồng chí {presenter} trình bày {topic}. Các đảng viên "
                "thảo luận, nêu các trường hợp cập nhật nhật ký công tác chậm và văn bản ban hành sát thời hạn; "
                "đề xuất công khai việc chậm thời hạn tại giao ban tuần.</p>"
            ).format(presenter=meeting.presenter_id.name, topic=meeting.topic)
        html += Markup("<p>Chi bộ biểu quyết thông qua nghị quyết. Buổi sinh hoạt kết thúc lúc {}.</p>").format(
            fields.Datetime.context_timestamp(meeting, meeting.date_end).strftime("%H giờ %M")
        )
        return html
