import { useEffect, useState } from 'react';

type ServiceState = 'checking' | 'up' | 'down';

export function App() {
  const [service, setService] = useState<ServiceState>('checking');

  useEffect(() => {
    const controller = new AbortController();
    fetch('/api/health', { signal: controller.signal })
      .then((response) => setService(response.ok ? 'up' : 'down'))
      .catch(() => {
        if (!controller.signal.aborted) setService('down');
      });
    return () => controller.abort();
  }, []);

  return (
    <main>
      <h1>Planshift</h1>
      <p role="status">
        {service === 'checking' && 'Checking the billing service…'}
        {service === 'up' && 'The billing service is up.'}
        {service === 'down' && 'The billing service cannot be reached.'}
      </p>
    </main>
  );
}
