// SPDX-License-Identifier: MIT
#include "sim/http/PendingResponse.h"

std::shared_ptr<PendingResponse> PendingResponse::create()
{
    // deleteLater: the last owner may let go while one of this object's signals is being emitted.
    return std::shared_ptr<PendingResponse>(new PendingResponse,
                                            [](PendingResponse *p) { p->deleteLater(); });
}

bool PendingResponse::resolve(HttpResponse response)
{
    if (m_resolved || m_abandoned)
        return false;
    m_resolved = true;
    m_expiry.stop();
    m_response = std::move(response);
    Q_EMIT resolved();
    return true;
}

void PendingResponse::expireAfter(int ms, HttpResponse fallback)
{
    m_fallback = std::move(fallback);
    m_expiry.setSingleShot(true);
    m_expiry.disconnect(this);
    connect(&m_expiry, &QTimer::timeout, this, [this] { resolve(m_fallback); });
    m_expiry.start(ms);
}

void PendingResponse::abandon()
{
    if (m_resolved || m_abandoned)
        return;
    m_abandoned = true;
    m_expiry.stop();
    Q_EMIT abandoned();
}
